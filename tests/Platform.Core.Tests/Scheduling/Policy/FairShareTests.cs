using Platform.Core.Scheduling.Policy;
using static Platform.Core.Tests.Scheduling.Policy.Jobs;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Usage that decays over a half-life, dominant-resource shares, and the queue order they give.</summary>
public sealed class FairShareTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(60);

    public static TheoryData<string, double, double, double, double> DecayCases => new()
    {
        // why, GPUs averaged so far, GPUs held since, minutes held, GPUs averaged after
        { "no time passed changes nothing", 8, 0, 0, 8 },
        { "a team that stops using halves its usage in one half-life", 8, 0, 60, 4 },
        { "and quarters it in two", 8, 0, 120, 2 },
        { "a team that starts using reaches half its level in one half-life", 0, 8, 60, 4 },
        { "a steady level stays where it is", 8, 8, 600, 8 },
        { "a clock that went back changes nothing", 8, 0, -30, 8 },
    };

    [Theory, MemberData(nameof(DecayCases))]
    public void Usage_decays_over_the_half_life(string why, double before, double level, double minutes, double after)
    {
        var usage = new DecayedUsage(before, 0, 0, T0);

        var updated = usage.Update(At(minutes), new Amount((long)level, 0, 0), HalfLife);

        Assert.True(Math.Abs(after - updated.Gpus) < 1e-9, $"{why}: {updated.Gpus}");
    }

    public static TheoryData<string, double, double, Amount, double, double> ShareCases => new()
    {
        // why, GPUs used, memory MB used, nominal, weight, share
        { "GPUs used over the nominal GPUs", 4, 0, new(8, Amount.Unbounded, Amount.Unbounded), 1, 0.5 },
        { "the dominant resource counts", 2, 750, new(8, Amount.Unbounded, 1000), 1, 0.75 },
        { "a weight of 2 halves the share", 4, 0, new(8, Amount.Unbounded, Amount.Unbounded), 2, 0.25 },
        { "no nominal measures against the cluster", 16, 0, Amount.Zero, 1, 0.25 },
        { "an unbounded nominal measures against the cluster", 16, 0, Amount.Unlimited, 1, 0.25 },
    };

    [Theory, MemberData(nameof(ShareCases))]
    public void Share_is_the_dominant_resource_over_the_nominal_divided_by_weight(
        string why, double gpus, double memoryMb, Amount nominal, double weight, double share)
    {
        var capacity = new Amount(64, 512_000, 4_000_000);

        var actual = FairShare.Of(new DecayedUsage(gpus, 0, memoryMb, T0), nominal, capacity, weight);

        Assert.True(Math.Abs(share - actual) < 1e-9, $"{why}: {actual}");
    }

    private sealed record OrderRow(QueuedJob[] Jobs, Dictionary<string, double> Shares, string Expected, bool ChargeOnTake = false);

    private static readonly Dictionary<string, OrderRow> OrderTable = new()
    {
        ["a higher priority goes first whatever the share"] = new(
            [Queued("a1", "a", 100), Queued("b1", "b", 1000)], new() { ["b"] = 5 }, "b1 a1"),
        ["at equal priority the team further behind its share goes first"] = new(
            [Queued("a1", "a", submitted: 0), Queued("b1", "b", submitted: 1)], new() { ["a"] = 0.9, ["b"] = 0.1 }, "b1 a1"),
        ["at equal priority and share the oldest goes first"] = new(
            [Queued("b1", "b", submitted: 2), Queued("a1", "a", submitted: 1)], [], "a1 b1"),
        ["a full tie is broken by job id"] = new(
            [Queued("j2", "b"), Queued("j1", "a")], [], "j1 j2"),
        ["within a team priority then age"] = new(
            [Queued("a1", "a", 100, 0), Queued("a2", "a", 1000, 5), Queued("a3", "a", 100, 1)], [], "a2 a1 a3"),
        ["placing raises a team's share, so equal teams take turns"] = new(
            [Queued("a1", "a", submitted: 0), Queued("a2", "a", submitted: 1), Queued("a3", "a", submitted: 2),
             Queued("b1", "b", submitted: 3), Queued("b2", "b", submitted: 4)], [], "a1 b1 a2 b2 a3", ChargeOnTake: true),
    };

    public static TheoryData<string> OrderCases => [.. OrderTable.Keys];

    [Theory, MemberData(nameof(OrderCases))]
    public void Queue_order_is_priority_then_share_then_age_then_id(string because)
    {
        var row = OrderTable[because];
        var taken = new Dictionary<string, double>(row.Shares);
        var queue = new FairQueue(row.Jobs.Reverse(), row.Shares);

        var order = Order(queue, row.ChargeOnTake
            ? job => (job.Team, taken[job.Team] = taken.GetValueOrDefault(job.Team) + 1)
            : null);

        Assert.True(row.Expected == order, $"{because}: {order}");
    }
}
