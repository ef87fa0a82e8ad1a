using Platform.Contracts.Jobs;
using static Platform.Core.Tests.Scheduling.Cluster;

namespace Platform.Core.Tests.Scheduling;

public class GangPlacerRefusalTests
{
    private static readonly PlacementTable GangTable = new()
    {
        ["two 2-GPU workers, three GPUs free: neither worker is placed"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2)),
            [Node("a", gpus: 2), Node("b", gpus: 2)], [Held("b", 30000, gpus: [1])],
            "waiting for 4 GPUs: 3 free of 4 (a: 2 free of 2, b: 1 free of 2)"),
        ["the ps would fit but the worker does not: the ps is not placed either"] = new(
            Job(Task("ps-0"), Task("worker-0", gpus: 4)),
            [Node("a", gpus: 2)], [],
            "waiting for 4 GPUs: 2 free of 2 (a: 2 free of 2)"),
        ["two of three workers would fit: none is placed"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2), Task("worker-2", gpus: 2)),
            [Node("a", gpus: 3, cpus: 4), Node("b", gpus: 3, cpus: 4)], [],
            "the free resources are fragmented across nodes: enough is free in total, but no node has room "
                + "for worker-2 (2 GPUs, 1 CPU, 1024 MB) next to the job's other tasks "
                + "(a: 3 GPUs, 4 CPUs, 65536 MB free; b: 3 GPUs, 4 CPUs, 65536 MB free)"),
    };

    public static TheoryData<string> GangCases => GangTable.Names;

    [Theory]
    [MemberData(nameof(GangCases))]
    public void Job_that_cannot_be_placed_whole_gets_nothing(string because) =>
        GangTable.AssertWaiting(because);

    private static readonly PlacementTable ReasonTable = new()
    {
        ["GPUs short on one node"] = new(
            Job(Task("worker-0", gpus: 3)),
            [Node("node-a", gpus: 4)], [Held("node-a", 30000, gpus: [0, 1])],
            "waiting for 3 GPUs: 2 free of 4 (node-a: 2 free of 4)"),
        ["GPUs short over two nodes"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2)),
            [Node("node-a", gpus: 2), Node("node-b", gpus: 2)], [Held("node-a", 30000, gpus: [0])],
            "waiting for 4 GPUs: 3 free of 4 (node-a: 1 free of 2, node-b: 2 free of 2)"),
        ["CPUs short, fractions printed invariantly"] = new(
            Job(Task("ps-0"), Task("worker-0")),
            [Node("node-a", gpus: 0, cpus: 8)], [Held("node-a", 30000, cpus: 6.5)],
            "waiting for 2 CPUs: 1.5 free of 8 (node-a: 1.5 free of 8)"),
        ["memory short"] = new(
            Job(Task("worker-0", memoryMb: 8192)),
            [Node("node-a", gpus: 0, memoryMb: 16384)], [Held("node-a", 30000, memoryMb: 12288)],
            "waiting for 8192 MB of memory: 4096 MB free of 16384 MB (node-a: 4096 MB free of 16384 MB)"),
        ["ports short"] = new(
            Job(Task("ps-0"), Task("worker-0")),
            [Node("node-a", gpus: 0, ports: 2)], [Held("node-a", 30000)],
            "waiting for 2 ports: 1 free of 2 (node-a: 1 free of 2)"),
        ["GPUs and memory short: both named"] = new(
            Job(Task("worker-0", gpus: 2, memoryMb: 32768)),
            [Node("node-a", gpus: 1, memoryMb: 16384)], [],
            "waiting for 2 GPUs: 1 free of 1 (node-a: 1 free of 1); "
                + "waiting for 32768 MB of memory: 16384 MB free of 16384 MB (node-a: 16384 MB free of 16384 MB)"),
        ["totals suffice but no node holds the task"] = new(
            Job(Task("worker-0", gpus: 3, cpus: 2, memoryMb: 4096)),
            [Node("node-a", gpus: 2, cpus: 8, memoryMb: 8192), Node("node-b", gpus: 2, cpus: 8, memoryMb: 8192)], [],
            "the free resources are fragmented across nodes: enough is free in total, but no node has room "
                + "for worker-0 (3 GPUs, 2 CPUs, 4096 MB) "
                + "(node-a: 2 GPUs, 8 CPUs, 8192 MB free; node-b: 2 GPUs, 8 CPUs, 8192 MB free)"),
        ["no node at all"] = new(
            Job(Task("worker-0")),
            [], [],
            "no ready node"),
        ["no node enables the process runtime"] = new(
            JobOn(TaskRuntimes.Process, Task("worker-0")),
            [Node("node-a", gpus: 4)], [],
            "no ready node offers the process runtime"),
    };

    public static TheoryData<string> ReasonCases => ReasonTable.Names;

    [Theory]
    [MemberData(nameof(ReasonCases))]
    public void Reason_names_the_resource_that_is_short(string because) =>
        ReasonTable.AssertWaiting(because);
}
