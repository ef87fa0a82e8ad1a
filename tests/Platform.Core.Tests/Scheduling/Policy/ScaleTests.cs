using System.Diagnostics;
using Platform.Core.Scheduling.Policy;
using Xunit.Abstractions;
using static Platform.Core.Tests.Scheduling.Policy.Jobs;
using static Platform.Core.Tests.Scheduling.Policy.Policies;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>
/// 1,000 nodes of 8 GPUs against 10,000 queued jobs of 1 to 64 GPUs: every placement fits and
/// nothing is over-allocated. Times are printed, never asserted.
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    private static readonly int[] Sizes = [1, 1, 1, 2, 2, 4, 4, 8, 8, 16, 32, 64];

    [Fact]
    public void Planning_1000_nodes_against_10000_jobs_never_over_allocates()
    {
        var teams = Enumerable.Range(0, 15).Select(i => $"team{i:D2}").ToArray();
        var policy = Build(teams.Take(10).ToDictionary(t => t, t => Team("all", 512, lend: 256)));
        var nodes = Nodes.Many(1000);
        var queue = Enumerable.Range(0, 10_000).Select(i =>
        {
            var gpus = Sizes[(i * 7) % Sizes.Length];
            return Queued($"job{i:D5}", teams[i % teams.Length], priority: i % 10 == 0 ? 1000 : 100, submitted: i / 100.0,
                gpusPerTask: Math.Min(gpus, 8), tasks: Math.Max(1, gpus / 8), deadline: i % 3 == 0 ? 3600 : null, preemptible: i % 4 == 0);
        }).ToArray();

        var clock = Stopwatch.StartNew();
        var fill = SharingPlanner.Plan(new PlanInput(policy, nodes, [], queue, new Dictionary<string, DecayedUsage>(), At(0)));
        var fillTime = clock.Elapsed;

        AssertNothingOverAllocated(nodes, fill.Placements);
        Assert.Equal(queue.Length, fill.Placements.Count + fill.Pending.Count);
        Assert.Equal(queue.Length, fill.Placements.Select(p => p.JobId).Concat(fill.Pending.Select(p => p.JobId)).Distinct().Count());
        Assert.True(fill.Placements.Count > 100, $"{fill.Placements.Count} placed");

        var running = fill.Placements.ToList();
        var pending = fill.Pending.Select(p => p.JobId).ToHashSet();
        var left = queue.Where(q => pending.Contains(q.Request.JobId)).ToArray();
        running.RemoveAt(running.Count / 2);
        PlanResult replan = null!;
        var replanTime = TimeSpan.MaxValue;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            replan = SharingPlanner.Plan(new PlanInput(policy, nodes, running, left, new Dictionary<string, DecayedUsage>(), At(1)));
            replanTime = clock.Elapsed < replanTime ? clock.Elapsed : replanTime;
        }

        var cpuPerPlan = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / 5;
        AssertNothingOverAllocated(nodes, [.. running, .. replan.Placements]);
        output.WriteLine($"fill: {fill.Placements.Count} placed, {fill.Pending.Count} pending in {fillTime.TotalMilliseconds:F0} ms; "
            + $"re-plan after one completion: {replan.Placements.Count} placed, {replan.Preemptions.Count} preempted, fastest of 5 in {replanTime.TotalMilliseconds:F0} ms, "
            + $"{cpuPerPlan.TotalMilliseconds:F0} ms of CPU each");
    }

    private static void AssertNothingOverAllocated(PoolNode[] nodes, IReadOnlyList<RunningJob> jobs)
    {
        var byId = nodes.ToDictionary(n => n.Node.NodeId);
        var gpus = new HashSet<(string, int)>();
        var ports = new HashSet<(string, int)>();
        var used = new Dictionary<string, (double Cpus, long MemoryMb)>();
        foreach (var task in jobs.SelectMany(j => j.Allocation.Tasks))
        {
            Assert.True(byId.TryGetValue(task.NodeId, out var node), $"{task.NodeId} is not a node");
            Assert.Equal(task.Resources.Gpus, task.GpuIndexes.Count);
            foreach (var gpu in task.GpuIndexes)
            {
                Assert.True(gpu >= 0 && gpu < node.Node.Gpus.Count, $"GPU {gpu} is not on {task.NodeId}");
                Assert.True(gpus.Add((task.NodeId, gpu)), $"GPU {gpu} of {task.NodeId} is given twice");
            }

            Assert.True(task.Port >= node.Node.PortStart && task.Port <= node.Node.PortEnd, $"port {task.Port} outside {task.NodeId}'s range");
            Assert.True(ports.Add((task.NodeId, task.Port)), $"port {task.Port} of {task.NodeId} is given twice");
            var (cpus, memory) = used.GetValueOrDefault(task.NodeId);
            used[task.NodeId] = (cpus + task.Resources.Cpus, memory + task.Resources.MemoryMb);
            Assert.True(used[task.NodeId].Cpus <= node.Node.Cpus && used[task.NodeId].MemoryMb <= node.Node.MemoryMb, $"{task.NodeId} is over-allocated");
        }
    }
}
