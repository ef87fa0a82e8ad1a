using Platform.Contracts.Jobs;

namespace Platform.Core.Telemetry;

/// <summary>
/// What the gateway read from the control plane for the state gauges: the job index's counts, when
/// each queued job was submitted, and each node's GPUs and heartbeat. Cached for a few seconds, so
/// a scrape never costs more than one read of each.
/// </summary>
/// <param name="JobsByState">Listed jobs per state; a state without a job may be absent.</param>
/// <param name="QueuedSince">When each job waiting in the queue was submitted.</param>
/// <param name="Nodes">Every registered node.</param>
/// <param name="TakenAt">When it was read.</param>
public sealed record ClusterSnapshot(
    IReadOnlyDictionary<JobState, long> JobsByState,
    IReadOnlyList<DateTimeOffset> QueuedSince,
    IReadOnlyList<NodeReading> Nodes,
    DateTimeOffset TakenAt)
{
    /// <summary>Before the first read: nothing known, every gauge reads empty or zero.</summary>
    public static readonly ClusterSnapshot Empty = new(new Dictionary<JobState, long>(), [], [], DateTimeOffset.MinValue);
}
