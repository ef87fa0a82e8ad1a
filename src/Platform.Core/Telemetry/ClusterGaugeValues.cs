using Platform.Contracts.Jobs;

namespace Platform.Core.Telemetry;

/// <summary>
/// Turns a <see cref="ClusterSnapshot"/> into the values of the state gauges. Every job state is
/// emitted, zero included, so a series never vanishes when its last job leaves the state (a
/// Prometheus alert on <c>platform_jobs{state="Failed"}</c> keeps a value to compare).
/// </summary>
public static class ClusterGaugeValues
{
    public const string Held = "held";
    public const string Free = "free";

    /// <summary><c>platform.jobs</c> by <c>state</c>.</summary>
    public static IEnumerable<GaugeReading> Jobs(ClusterSnapshot snapshot) =>
        Enum.GetValues<JobState>().Select(state => new GaugeReading(snapshot.JobsByState.GetValueOrDefault(state), State: state.ToString()));

    /// <summary><c>platform.queue.length</c>: jobs waiting to be placed.</summary>
    public static double QueueLength(ClusterSnapshot snapshot) => snapshot.QueuedSince.Count;

    /// <summary><c>platform.queue.oldest_wait</c>: seconds the longest-waiting queued job has waited since submission; 0 with an empty queue.</summary>
    public static double OldestWait(ClusterSnapshot snapshot, DateTimeOffset now) =>
        snapshot.QueuedSince.Count == 0 ? 0 : Math.Max(0, (now - snapshot.QueuedSince.Min()).TotalSeconds);

    /// <summary><c>platform.gpus</c> by <c>node</c> and <c>state</c> (<see cref="Held"/> or <see cref="Free"/>).</summary>
    public static IEnumerable<GaugeReading> Gpus(ClusterSnapshot snapshot) => snapshot.Nodes.SelectMany(node => new[]
    {
        new GaugeReading(node.GpusHeld, node.NodeId, Held),
        new GaugeReading(node.GpusFree, node.NodeId, Free),
    });

    /// <summary><c>platform.node.heartbeat_age</c> by <c>node</c>: seconds since its agent last spoke (nodes that have spoken).</summary>
    public static IEnumerable<GaugeReading> HeartbeatAges(ClusterSnapshot snapshot, DateTimeOffset now) => snapshot.Nodes
        .Where(node => node.LastHeartbeat is not null)
        .Select(node => new GaugeReading(Math.Max(0, (now - node.LastHeartbeat!.Value).TotalSeconds), node.NodeId));
}
