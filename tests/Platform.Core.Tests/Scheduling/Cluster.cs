using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Core.Tests.Scheduling;

/// <summary>Short builders for nodes, jobs and held allocations in placement tables.</summary>
internal static class Cluster
{
    public const int PortStart = 30000;

    public static NodeCapacity Node(
        string id, int gpus, double cpus = 16, int memoryMb = 65536, int ports = 10, params string[] runtimes) =>
        new()
        {
            NodeId = id,
            Host = $"{id}.local",
            Cpus = cpus,
            MemoryMb = memoryMb,
            Gpus = [.. Enumerable.Range(0, gpus).Select(i => new GpuInfo(i, $"GPU-{id}-{i}", "test", 16384, false))],
            PortStart = PortStart,
            PortEnd = PortStart + ports - 1,
            Runtimes = runtimes.Length > 0 ? runtimes : [TaskRuntimes.Docker],
        };

    public static TaskRequest Task(string name, int gpus = 0, double cpus = 1, int memoryMb = 1024) =>
        new(name, new Resources { Gpus = gpus, Cpus = cpus, MemoryMb = memoryMb });

    public static JobRequest Job(params TaskRequest[] tasks) => JobOn(TaskRuntimes.Docker, tasks);

    public static JobRequest JobOn(string runtime, params TaskRequest[] tasks) =>
        new("job-1", DateTimeOffset.UnixEpoch, runtime, tasks);

    /// <summary>Another job's task already on <paramref name="nodeId"/>.</summary>
    public static Allocation Held(
        string nodeId, int port, int[]? gpus = null, double cpus = 1, int memoryMb = 1024) =>
        new("other", [new TaskPlacement(
            "worker-0", nodeId, $"{nodeId}.local", port, gpus ?? [],
            new Resources { Gpus = gpus?.Length ?? 0, Cpus = cpus, MemoryMb = memoryMb })]);

    /// <summary>"name@node:port[gpus]" per task, space-separated, in allocation order.</summary>
    public static string Layout(Allocation allocation) =>
        string.Join(' ', allocation.Tasks.Select(t => $"{t.Task}@{t.NodeId}:{t.Port}[{string.Join(',', t.GpuIndexes)}]"));
}
