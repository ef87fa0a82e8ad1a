using Platform.Contracts.Scheduling;
using static Platform.Core.Tests.Scheduling.Cluster;

namespace Platform.Core.Tests.Scheduling;

public class GangPlacerPackingTests
{
    private static readonly PlacementTable OneNodeTable = new()
    {
        ["ps and two workers fit on the first of two equal nodes"] = new(
            Job(Task("ps-0"), Task("worker-0", gpus: 1), Task("worker-1", gpus: 1)),
            [Node("a", gpus: 4), Node("b", gpus: 4)], [],
            "ps-0@a:30000[] worker-0@a:30001[0] worker-1@a:30002[1]"),
        ["cpu-only job packs onto one node"] = new(
            Job(Task("worker-0", cpus: 4), Task("worker-1", cpus: 4), Task("worker-2", cpus: 4)),
            [Node("a", gpus: 0, cpus: 16), Node("b", gpus: 0, cpus: 16)], [],
            "worker-0@a:30000[] worker-1@a:30001[] worker-2@a:30002[]"),
        ["output keeps the job's task order, not the packing order"] = new(
            Job(Task("ps-0", memoryMb: 512), Task("worker-0", gpus: 2), Task("chief-0", gpus: 1)),
            [Node("a", gpus: 4)], [],
            "ps-0@a:30000[] worker-0@a:30001[0,1] chief-0@a:30002[2]"),
    };

    public static TheoryData<string> OneNodeCases => OneNodeTable.Names;

    [Theory]
    [MemberData(nameof(OneNodeCases))]
    public void Whole_job_goes_on_one_node_when_one_can_hold_it(string because) =>
        OneNodeTable.AssertPlaced(because);

    private static readonly PlacementTable GpuTable = new()
    {
        ["four one-GPU workers get the four GPUs"] = new(
            Job(Task("worker-0", gpus: 1), Task("worker-1", gpus: 1), Task("worker-2", gpus: 1), Task("worker-3", gpus: 1)),
            [Node("a", gpus: 4)], [],
            "worker-0@a:30000[0] worker-1@a:30001[1] worker-2@a:30002[2] worker-3@a:30003[3]"),
        ["GPUs held by another job are skipped, the lowest free ones given"] = new(
            Job(Task("worker-0", gpus: 1), Task("worker-1", gpus: 2)),
            [Node("a", gpus: 8)], [Held("a", 30009, gpus: [0, 2])],
            "worker-0@a:30000[1] worker-1@a:30001[3,4]"),
    };

    public static TheoryData<string> GpuCases => GpuTable.Names;

    [Theory]
    [MemberData(nameof(GpuCases))]
    public void Each_gpu_goes_to_exactly_one_task_lowest_index_first(string because) =>
        GpuTable.AssertPlaced(because);

    private static readonly PlacementTable PortTable = new()
    {
        ["consecutive ports from the start of the range"] = new(
            Job(Task("ps-0"), Task("worker-0")),
            [Node("a", gpus: 0)], [],
            "ps-0@a:30000[] worker-0@a:30001[]"),
        ["ports of existing tasks are skipped"] = new(
            Job(Task("ps-0"), Task("worker-0"), Task("worker-1")),
            [Node("a", gpus: 0)], [Held("a", 30000), Held("a", 30002)],
            "ps-0@a:30001[] worker-0@a:30003[] worker-1@a:30004[]"),
        ["ports are counted per node"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2)),
            [Node("a", gpus: 2), Node("b", gpus: 2)], [Held("b", 30000)],
            "worker-0@a:30000[0,1] worker-1@b:30001[0,1]"),
    };

    public static TheoryData<string> PortCases => PortTable.Names;

    [Theory]
    [MemberData(nameof(PortCases))]
    public void Ports_are_distinct_and_lowest_first(string because) =>
        PortTable.AssertPlaced(because);
}
