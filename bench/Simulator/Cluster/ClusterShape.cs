using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling.Policy;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Bench.Simulator.Cluster;

/// <summary>
/// The simulated cluster: identical nodes of whole GPUs in the pool <c>default</c>. CPUs, memory
/// and ports are sized so that only GPUs ever bind.
/// </summary>
/// <param name="Nodes">How many nodes, 1 to <see cref="MaxNodes"/>.</param>
/// <param name="GpusPerNode">GPUs per node, 1 to <see cref="MaxGpusPerNode"/>.</param>
public sealed record ClusterShape(int Nodes, int GpusPerNode)
{
    /// <summary>The most nodes simulated: 10,000.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>The most GPUs per node: 64.</summary>
    public const int MaxGpusPerNode = 64;

    private const int PortStart = 30_000;

    /// <summary>Every GPU of the cluster.</summary>
    public int TotalGpus => Nodes * GpusPerNode;

    /// <summary>The nodes as the platform's placement code sees them.</summary>
    public IReadOnlyList<NodeCapacity> Capacities() =>
        [.. Enumerable.Range(0, Nodes).Select(i => new NodeCapacity
        {
            NodeId = NodeId(i),
            Host = $"{NodeId(i)}.sim",
            Cpus = 4 * GpusPerNode,
            MemoryMb = 16_384 * GpusPerNode,
            Gpus = [.. Enumerable.Range(0, GpusPerNode).Select(g => new GpuInfo(g, $"GPU-{i}-{g}", "sim", 16_384, true))],
            PortStart = PortStart,
            PortEnd = PortStart + (2 * GpusPerNode) - 1,
        })];

    /// <summary>The nodes as the sharing planner sees them: all in the pool <c>default</c>.</summary>
    public IReadOnlyList<PoolNode> PoolNodes() => [.. Capacities().Select(c => new PoolNode(c))];

    /// <summary>The id of node <paramref name="index"/>; ids sort in index order.</summary>
    public static string NodeId(int index) => $"n{index:D5}";

    /// <summary>The index of the node <paramref name="nodeId"/>.</summary>
    public static int IndexOf(string nodeId) => int.Parse(nodeId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// How a job of <paramref name="gpus"/> GPUs is split into equal tasks: the fewest tasks that
    /// each fit on a node and divide the GPUs evenly (12 GPUs on 8-GPU nodes: 2 tasks of 6).
    /// </summary>
    public (int Tasks, int GpusPerTask) Layout(int gpus)
    {
        var tasks = (gpus + GpusPerNode - 1) / GpusPerNode;
        while (gpus % tasks != 0)
        {
            tasks++;
        }

        return (tasks, gpus / tasks);
    }

    /// <summary>The job request the platform's code places for a job of <paramref name="gpus"/> GPUs.</summary>
    public JobRequest Request(string jobId, DateTimeOffset submittedAt, int gpus, string team)
    {
        var (tasks, each) = Layout(gpus);
        return new JobRequest(
            jobId, submittedAt, TaskRuntimes.Docker,
            [.. Enumerable.Range(0, tasks).Select(i => new TaskRequest($"worker-{i}", new Resources { Gpus = each, Cpus = 1, MemoryMb = 1_024 }))],
            Team: team, PriorityClass: "normal", PriorityValue: 0);
    }
}
