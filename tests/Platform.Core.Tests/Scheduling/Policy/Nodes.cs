using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling.Policy;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Short builders of pool nodes and of running jobs placed on them.</summary>
internal static class Nodes
{
    public static PoolNode Node(string id, int gpus = 8, string pool = "a100", int ports = 64, bool draining = false) =>
        new(Cluster.Node(id, gpus, cpus: 64, memoryMb: 512_000, ports: ports),
            pool == "default" ? null : new Dictionary<string, string> { ["gpu-model"] = pool }, draining);

    public static PoolNode[] Many(int count, int gpus = 8, string prefix = "n") =>
        [.. Enumerable.Range(0, count).Select(i => Node($"{prefix}{i:D4}", gpus))];

    /// <summary>
    /// A running job of <paramref name="team"/> holding <paramref name="gpus"/> GPUs on each of
    /// <paramref name="on"/>, from GPU index <paramref name="firstGpu"/> and a port of its own.
    /// </summary>
    public static RunningJob Running(
        string id, string team, string on, int gpus, int firstGpu = 0, int priority = 100, double started = 0,
        int? deadline = null, bool borrowing = false, bool preemptible = false, string? stoppingFor = null, string pool = "a100")
    {
        var tasks = on.Split(',').Select((node, i) => new TaskPlacement(
            $"worker-{i}", node, $"{node}.local", Cluster.PortStart + 32 + firstGpu, [.. Enumerable.Range(firstGpu, gpus)],
            new Resources { Gpus = gpus, Cpus = 1, MemoryMb = 1024 })).ToList();
        return new RunningJob(new Allocation(id, tasks), team, pool, priority, preemptible, Jobs.At(started), deadline, borrowing, stoppingFor);
    }
}
