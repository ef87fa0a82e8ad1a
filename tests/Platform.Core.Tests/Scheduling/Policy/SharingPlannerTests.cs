using Platform.Core.Scheduling.Policy;
using static Platform.Core.Tests.Scheduling.Policy.Jobs;
using static Platform.Core.Tests.Scheduling.Policy.Nodes;
using static Platform.Core.Tests.Scheduling.Policy.Plans;
using static Platform.Core.Tests.Scheduling.Policy.Policies;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>
/// What one plan decides in <see cref="Policies.Research"/> at minute 10: placements, reservations,
/// preemptions, and each waiting job's position and reason. Team "guest" has no quota.
/// </summary>
public sealed class SharingPlannerTests
{
    private sealed record Row(PoolNode[] Nodes, RunningJob[] Running, QueuedJob[] Queue, string Placed, string Reserved = "", string Preempted = "", params string[] Pending);

    private static readonly Dictionary<string, Row> Table = new()
    {
        ["jobs fill the free nodes in queue order and the first that does not fit reserves"] = new(
            [Node("a"), Node("b")], [],
            [Queued("j1", "guest", submitted: 1, gpusPerTask: 8), Queued("j2", "guest", submitted: 2, gpusPerTask: 8), Queued("j3", "guest", submitted: 3, gpusPerTask: 8)],
            "j1@a j2@b", "j3:a@?", "",
            "j3#1: first in pool a100 to wait for room: node a is reserved for it; no start can be estimated, as jobs without activeDeadlineSeconds run there"),
        ["a job goes on the one node that holds it with the fewest GPUs left (best fit)"] = new(
            [Node("a"), Node("b"), Node("c")], [Running("r1", "guest", "b", 2), Running("r2", "guest", "c", 5)],
            [Queued("j1", "guest", gpusPerTask: 2, tasks: 2)], "j1@b"),
        ["a gang too big for one node spreads over the nodes with the most free GPUs"] = new(
            [Node("a"), Node("b"), Node("c")], [Running("r1", "guest", "b", 2)],
            [Queued("j1", "guest", gpusPerTask: 4, tasks: 4)], "j1@a+c"),
        ["a higher class goes first even when younger"] = new(
            [Node("a")], [], [Queued("old", "guest", priority: 100, submitted: 1, gpusPerTask: 8), Queued("urgent", "guest", priority: 1000, submitted: 5, gpusPerTask: 8)],
            "urgent@a", "old:a@?", "", "old#1: first in pool a100"),
        ["the head's reservation starts when known deadlines free its nodes, and a job ending before then backfills there"] = new(
            [Node("a"), Node("b"), Node("c")],
            [Running("r1", "guest", "a", 8, deadline: 3600), Running("r2", "guest", "b", 8, deadline: 7200)],
            [Queued("big", "guest", submitted: 1, gpusPerTask: 8, tasks: 2), Queued("s1", "guest", submitted: 2), Queued("s2", "guest", submitted: 3, deadline: 1800)],
            "s2@c", "big:a+c@60", "",
            "big#1: first in pool a100 to wait for room: nodes a, c are reserved for it; estimated start 2026-01-01 01:00:00Z",
            "s1#2: it would fit, but on nodes reserved for job big (priority 100), which is ahead of it; a job may use them only if its activeDeadlineSeconds ends by 2026-01-01 01:00:00Z"),
        ["a job without a deadline runs on a node the reservation does not need"] = new(
            [Node("a"), Node("b"), Node("c"), Node("d"), Node("e")],
            [Running("r1", "guest", "a", 8, deadline: 3600), Running("r2", "guest", "b", 8, deadline: 7200), Running("r3", "guest", "e", 6)],
            [Queued("big", "guest", submitted: 1, gpusPerTask: 8, tasks: 3), Queued("s1", "guest", submitted: 2)],
            "s1@e", "big:a+c+d@60", "", "big#1: first in pool a100 to wait for room: nodes a, c, d are reserved for it; estimated start 2026-01-01 01:00:00Z"),
        ["with no known end the node with the most free is reserved, with no estimate"] = new(
            [Node("a"), Node("b"), Node("c")],
            [Running("r1", "guest", "a", 6), Running("r2", "guest", "b", 8), Running("r3", "guest", "c", 4)],
            [Queued("big", "guest", gpusPerTask: 8)],
            "", "big:c@?", "", "big#1: first in pool a100 to wait for room: node c is reserved for it; no start can be estimated"),
        ["between nodes as free, the one with the soonest known end is reserved"] = new(
            [Node("a"), Node("b")],
            [Running("r1", "guest", "a", 8), Running("r2", "guest", "b", 4, deadline: 3600), Running("r3", "guest", "b", 4, firstGpu: 4)],
            [Queued("big", "guest", gpusPerTask: 8)],
            "", "big:b@?", "", "big#1: first in pool a100 to wait for room: node b is reserved for it; no start can be estimated"),
        ["a job beyond its team's nominal borrows and is marked so"] = new(
            [Node("a"), Node("b")], [Running("v0", "vision", "a", 8)], [Queued("v1", "vision", gpusPerTask: 4)], "v1@b(borrowing)"),
        ["a job over its quota waits with the quota, the resource and the numbers"] = new(
            [Node("a"), Node("b")], [Running("s0", "speech", "a", 4)], [Queued("s1", "speech")], "", "", "",
            "s1#1: team speech would use 5 of its 4 nominal GPUs in pool a100 and may borrow 0 more (borrowingLimit 0)"),
        ["a lender within its nominal preempts the borrower, reserves its node and waits for it"] = new(
            [Node("a")], [Running("v1", "vision", "a", 8, borrowing: true)], [Queued("n1", "nlp", gpusPerTask: 8)],
            "", "n1:a@?", "v1<n1", "n1#1: waiting for preempted job v1 to stop within their grace period"),
        ["while its victims stop, a job waits for them and preempts nothing more"] = new(
            [Node("a"), Node("b")],
            [Running("v1", "vision", "a", 8, borrowing: true, stoppingFor: "n1"), Running("v2", "vision", "b", 8, borrowing: true)],
            [Queued("n1", "nlp", gpusPerTask: 8)],
            "", "n1:a@?", "", "n1#1: waiting for preempted job v1 to stop within their grace period"),
        ["jobs within their nominal quota are tried before jobs that would borrow, whatever their class"] = new(
            [Node("a"), Node("b")], [Running("v0", "vision", "b", 8)],
            [Queued("v1", "vision", priority: 1000, gpusPerTask: 4), Queued("n1", "nlp", priority: 100, gpusPerTask: 8)],
            "n1@a", "v1:a@?", "", "v1#1: first in pool a100"),
        ["two gangs that each need both nodes never hold part of them: one runs whole, the other waits"] = new(
            [Node("a"), Node("b")], [],
            [Queued("g1", "guest", submitted: 1, gpusPerTask: 8, tasks: 2), Queued("g2", "guest", submitted: 2, gpusPerTask: 8, tasks: 2)],
            "g1@a+b", "g2:a+b@?", "", "g2#1: first in pool a100 to wait for room: nodes a, b are reserved for it"),
        ["a pool without nodes says so"] = new(
            [Node("a")], [], [Queued("h1", "guest", pool: "h100")], "", "", "", "h1#1: pool h100 has no ready node"),
        ["a draining node takes nothing new"] = new(
            [Node("a", draining: true), Node("b")], [], [Queued("j1", "guest", gpusPerTask: 8), Queued("j2", "guest", submitted: 1, gpusPerTask: 8)],
            "j1@b", "j2:b@?", "", "j2#1: first in pool a100"),
        ["a job larger than the pool is refused outright"] = new(
            [Node("a")], [], [Queued("huge", "guest", gpusPerTask: 8, tasks: 2)], "", "", "",
            "huge#1: the job needs 16 GPUs but pool a100 has 8 GPUs in all; it can never run there"),
        ["a job whose tasks no node can hold never reserves"] = new(
            [Node("a", gpus: 4), Node("b", gpus: 4)], [], [Queued("wide", "guest", gpusPerTask: 8)], "", "", "",
            "wide#1: no set of ready nodes of pool a100 can hold the job's tasks, even empty"),
    };

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory, MemberData(nameof(Cases))]
    public void A_plan_places_reserves_preempts_and_explains(string because)
    {
        var row = Table[because];

        var plan = Plan(Research, row.Nodes, row.Running, row.Queue);

        Assert.True(row.Placed == Placed(plan), $"{because}: placed {Placed(plan)}");
        Assert.True(row.Reserved == Reserved(plan), $"{because}: reserved {Reserved(plan)}");
        Assert.True(row.Preempted == Preempted(plan), $"{because}: preempted {Preempted(plan)}");
        var pending = Pending(plan).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(row.Pending.Length == pending.Length, $"{because}: pending\n{Pending(plan)}");
        for (var i = 0; i < pending.Length; i++)
        {
            Assert.True(pending[i].StartsWith(row.Pending[i], StringComparison.Ordinal), $"{because}: pending\n{Pending(plan)}");
        }
    }

    [Fact]
    public void The_same_snapshot_gives_the_same_plan_whatever_the_order_of_its_lists()
    {
        var nodes = Many(6);
        var running = new[] { Running("r1", "vision", "n0000", 8, deadline: 600), Running("r2", "nlp", "n0001", 4, deadline: 1200, borrowing: true) };
        var queue = Enumerable.Range(0, 40)
            .Select(i => Queued($"q{i:D2}", (i % 3) switch { 0 => "vision", 1 => "nlp", _ => "guest" },
                priority: i % 5 == 0 ? 1000 : 100, submitted: i % 7, gpusPerTask: 1 + (i % 4), tasks: 1 + (i % 3), deadline: i % 2 == 0 ? 900 : null))
            .ToArray();

        var forward = Render(Plan(Research, nodes, running, queue));
        var backward = Render(Plan(Research, [.. nodes.Reverse()], [.. running.Reverse()], [.. queue.Reverse()]));

        Assert.Equal(forward, backward);
        Assert.Contains("placed: q", forward, StringComparison.Ordinal);
    }

    public static TheoryData<string, double, double, string> ShareCases => new()
    {
        // why, vision's decayed GPUs, nlp's decayed GPUs, the job placed on the one free node
        { "at equal priority the team that used less lately goes first", 6, 2, "n1@a" },
        { "and the other way round", 1, 7, "v1@a" },
        { "at equal shares the older job goes first", 4, 4, "v1@a" },
    };

    [Theory, MemberData(nameof(ShareCases))]
    public void Fair_share_decides_between_teams_of_equal_priority(string why, double vision, double nlp, string placed)
    {
        var usage = new Dictionary<string, DecayedUsage>
        {
            ["vision"] = new(vision, 0, 0, At(10)),
            ["nlp"] = new(nlp, 0, 0, At(10)),
        };

        var plan = Plan(Research, [Node("a")], [], [Queued("v1", "vision", submitted: 1, gpusPerTask: 8), Queued("n1", "nlp", submitted: 2, gpusPerTask: 8)], usage: usage);

        Assert.True(placed == Placed(plan), $"{why}: {Placed(plan)}");
    }
}
