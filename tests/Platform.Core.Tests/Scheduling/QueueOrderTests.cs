using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling;

namespace Platform.Core.Tests.Scheduling;

/// <summary>The queue keys on the priority value, then age; requests stored before classes run as the default class.</summary>
public sealed class QueueOrderTests
{
    private static readonly DateTimeOffset _t0 = DateTimeOffset.UnixEpoch;

    private static JobRequest Request(string id, int minute, string? team, string? className, int value) =>
        new(id, _t0.AddMinutes(minute), "docker", [Cluster.Task("worker-0")], 0, team, className, value);

    public static TheoryData<string, JobRequest[], string[]> Orders => new()
    {
        { "higher value first, though younger",
            [Request("old-normal", 0, "a", "normal", 100), Request("new-high", 5, "b", "high", 1000)], ["new-high", "old-normal"] },
        { "equal value: oldest first",
            [Request("second", 2, "a", "normal", 100), Request("first", 1, "b", "normal", 100)], ["first", "second"] },
        { "equal value and age: by id, whatever the list order",
            [Request("job-b", 1, "a", "normal", 100), Request("job-a", 1, "a", "normal", 100)], ["job-a", "job-b"] },
        { "negative values after zero",
            [Request("neg", 0, "a", "scavenger", -5), Request("low", 9, "a", "low", 0)], ["low", "neg"] },
    };

    [Theory, MemberData(nameof(Orders))]
    public void Queue_is_tried_by_value_then_age(string why, JobRequest[] queue, string[] expected) =>
        Assert.True(expected.SequenceEqual(QueueOrder.Sort(queue).Select(r => r.JobId)), why);

    public static TheoryData<string, JobRequest, string, string, int> Upgrades => new()
    {
        { "stored before classes and teams", Request("j", 0, null, null, 0), "default", "normal", 100 },
        { "stored before classes, with a team", Request("j", 0, "vision", null, 0), "vision", "normal", 100 },
        { "carries its class: kept with the value it was accepted at", Request("j", 0, "vision", "high", 900), "vision", "high", 900 },
    };

    [Theory, MemberData(nameof(Upgrades))]
    public void Old_request_is_queued_as_the_default_class(string why, JobRequest stored, string team, string className, int value)
    {
        var upgraded = QueueOrder.Upgrade(stored, PriorityClassPolicy.BuiltIn.DefaultClass);

        Assert.True((team, className, value) == (upgraded.Team, upgraded.PriorityClass, upgraded.PriorityValue), why);
    }

    [Fact]
    public void View_counts_pending_jobs_per_team_and_lists_them_in_order()
    {
        var view = QueueOrder.View(
            [Request("a1", 0, "a", "low", 0), Request("b1", 1, "b", "high", 1000), Request("a2", 2, "a", "normal", 100)]);

        Assert.Equal(["b1", "a2", "a1"], view.Pending.Select(r => r.JobId));
        Assert.Equal(2, view.PendingByTeam["a"]);
        Assert.Equal(1, view.PendingByTeam["b"]);
    }
}
