using static Platform.Core.Tests.Scheduling.Cluster;

namespace Platform.Core.Tests.Scheduling;

/// <summary>A draining (cordoned) node offers nothing to placement; a job left waiting is told which nodes drain.</summary>
public class GangPlacerDrainingTests
{
    private static readonly PlacementTable PlacedTable = new()
    {
        ["the draining node has more room: the job goes to the other one"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("a", gpus: 8), Node("b", gpus: 2)], [],
            "worker-0@b:30000[0]", Draining: ["a"]),
        ["spread over the nodes that are not draining"] = new(
            Job(Task("worker-0", gpus: 2), Task("worker-1", gpus: 2)),
            [Node("a", gpus: 4), Node("b", gpus: 2), Node("c", gpus: 2)], [],
            "worker-0@b:30000[0,1] worker-1@c:30000[0,1]", Draining: ["a"]),
        ["a draining node that does not exist changes nothing"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("a", gpus: 1)], [],
            "worker-0@a:30000[0]", Draining: ["gone"]),
    };

    public static TheoryData<string> PlacedCases => PlacedTable.Names;

    [Theory]
    [MemberData(nameof(PlacedCases))]
    public void Job_is_placed_only_on_nodes_that_are_not_draining(string because) => PlacedTable.AssertPlaced(because);

    private static readonly PlacementTable WaitingTable = new()
    {
        ["the only node drains"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("a", gpus: 4)], [],
            "no ready node; a is draining: nothing new is placed there", Draining: ["a"]),
        ["only the draining node has room"] = new(
            Job(Task("worker-0", gpus: 4)),
            [Node("a", gpus: 4), Node("b", gpus: 2)], [],
            "waiting for 4 GPUs: 2 free of 2 (b: 2 free of 2); a is draining: nothing new is placed there", Draining: ["a"]),
        ["two draining nodes are both named, in order"] = new(
            Job(Task("worker-0", gpus: 1)),
            [Node("c", gpus: 1), Node("b", gpus: 1), Node("a", gpus: 1)], [Held("a", 30000, gpus: [0])],
            "waiting for 1 GPU: 0 free of 1 (a: 0 free of 1); b, c are draining: nothing new is placed there", Draining: ["c", "b"]),
        ["a draining node without the job's runtime is not named"] = new(
            JobOn("process", Task("worker-0")),
            [Node("a", gpus: 0, runtimes: ["docker", "process"]), Node("b", gpus: 0)], [],
            "no ready node offers the process runtime; a is draining: nothing new is placed there", Draining: ["a", "b"]),
    };

    public static TheoryData<string> WaitingCases => WaitingTable.Names;

    [Theory]
    [MemberData(nameof(WaitingCases))]
    public void Job_that_only_a_draining_node_could_hold_waits_with_the_node_named(string because) =>
        WaitingTable.AssertWaiting(because);
}
