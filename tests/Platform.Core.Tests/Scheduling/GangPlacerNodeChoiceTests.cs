using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using static Platform.Core.Tests.Scheduling.Cluster;

namespace Platform.Core.Tests.Scheduling;

public class GangPlacerNodeChoiceTests
{
    private static readonly PlacementTable SpreadTable = new()
    {
        ["two 2-GPU workers on two 2-GPU nodes"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2)),
            [Node("a", gpus: 2), Node("b", gpus: 2)], [],
            "worker-0@a:30000[0,1] worker-1@b:30000[0,1]"),
        ["the biggest node is filled first, the rest goes to the next"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2), Task("worker-2", gpus: 2)),
            [Node("a", gpus: 2), Node("b", gpus: 4), Node("c", gpus: 1)], [],
            "worker-0@b:30000[0,1] worker-1@b:30001[2,3] worker-2@a:30000[0,1]"),
        ["larger tasks are packed first: the 3-GPU task takes the big node"] = new(
            Job(Task("worker-0", gpus: 1), Task("worker-1", gpus: 1), Task("chief-0", gpus: 3)),
            [Node("a", gpus: 2), Node("b", gpus: 3)], [],
            "worker-0@a:30000[0] worker-1@a:30001[1] chief-0@b:30000[0,1,2]"),
        ["memory decides when GPUs do not"] = new(
            Job(Task("ps-0", memoryMb: 6000), Task("ps-1", memoryMb: 6000)),
            [Node("a", gpus: 0, memoryMb: 8192), Node("b", gpus: 0, memoryMb: 8192)], [],
            "ps-0@a:30000[] ps-1@b:30000[]"),
    };

    public static TheoryData<string> SpreadCases => SpreadTable.Names;

    [Theory]
    [MemberData(nameof(SpreadCases))]
    public void Job_spreads_over_nodes_only_when_no_single_node_holds_it(string because) =>
        SpreadTable.AssertPlaced(because);

    private static readonly PlacementTable BestFitTable = new()
    {
        ["the 2-GPU node is used and the 8-GPU node stays whole"] = new(
            Job(Task("worker-0", gpus: 1), Task("worker-1", gpus: 1)),
            [Node("big", gpus: 8), Node("small", gpus: 2)], [],
            "worker-0@small:30000[0] worker-1@small:30001[1]"),
        ["with equal free GPUs, the node with fewer free CPUs"] = new(
            Job(Task("worker-0", gpus: 1, cpus: 2)),
            [Node("a", gpus: 2, cpus: 32), Node("b", gpus: 2, cpus: 8)], [],
            "worker-0@b:30000[0]"),
        ["free GPUs count, not installed ones"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("a", gpus: 2), Node("b", gpus: 4)], [Held("b", 30000, gpus: [0, 1, 2])],
            "worker-0@b:30001[3]"),
        ["a node too small is not a candidate however snug"] = new(
            Job(Task("worker-0", gpus: 3)),
            [Node("a", gpus: 2), Node("b", gpus: 8), Node("c", gpus: 4)], [],
            "worker-0@c:30000[0,1,2]"),
    };

    public static TheoryData<string> BestFitCases => BestFitTable.Names;

    [Theory]
    [MemberData(nameof(BestFitCases))]
    public void Best_fit_picks_the_node_that_leaves_bigger_holes_free(string because) =>
        BestFitTable.AssertPlaced(because);

    private static readonly PlacementTable ExistingTable = new()
    {
        ["GPUs held on a leave too few there"] = new(
            Job(Task("worker-0", gpus: 2)),
            [Node("a", gpus: 4), Node("b", gpus: 4)], [Held("a", 30000, gpus: [0, 1, 2])],
            "worker-0@b:30000[0,1]"),
        ["CPUs held on a leave too few there"] = new(
            Job(Task("worker-0", cpus: 4)),
            [Node("a", gpus: 0, cpus: 8), Node("b", gpus: 0, cpus: 16)], [Held("a", 30000, cpus: 6)],
            "worker-0@b:30000[]"),
        ["memory held on a leaves too little there"] = new(
            Job(Task("worker-0", memoryMb: 4096)),
            [Node("a", gpus: 0, memoryMb: 8192), Node("b", gpus: 0, memoryMb: 16384)], [Held("a", 30000, memoryMb: 6144)],
            "worker-0@b:30000[]"),
        ["every port of a is taken"] = new(
            Job(Task("worker-0")),
            [Node("a", gpus: 0, ports: 2), Node("b", gpus: 0, ports: 2)], [Held("a", 30000), Held("a", 30001)],
            "worker-0@b:30000[]"),
        ["allocations on nodes that are not ready are ignored"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("a", gpus: 1)], [Held("gone", 30000, gpus: [0])],
            "worker-0@a:30000[0]"),
    };

    public static TheoryData<string> ExistingCases => ExistingTable.Names;

    [Theory]
    [MemberData(nameof(ExistingCases))]
    public void Existing_allocations_reduce_free_capacity(string because) =>
        ExistingTable.AssertPlaced(because);

    private static readonly PlacementTable RuntimeTable = new()
    {
        ["process job skips the docker-only node"] = new(
            JobOn(TaskRuntimes.Process, Task("worker-0")),
            [Node("a", gpus: 0), Node("b", gpus: 0, 16, 65536, 10, TaskRuntimes.Docker, TaskRuntimes.Process)], [],
            "worker-0@b:30000[]"),
        ["docker job skips the process-only node"] = new(
            Job(Task("worker-0")),
            [Node("a", gpus: 0, 16, 65536, 10, TaskRuntimes.Process), Node("b", gpus: 0)], [],
            "worker-0@b:30000[]"),
    };

    public static TheoryData<string> RuntimeCases => RuntimeTable.Names;

    [Theory]
    [MemberData(nameof(RuntimeCases))]
    public void Only_nodes_offering_the_jobs_runtime_are_used(string because) =>
        RuntimeTable.AssertPlaced(because);
}
