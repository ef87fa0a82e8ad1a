using Platform.Contracts.Jobs;
using Platform.Core.Telemetry;

namespace Platform.Core.Tests.Telemetry;

public sealed class ClusterGaugeValuesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_job_state_is_emitted_with_zero_for_states_without_jobs()
    {
        var snapshot = Snapshot(jobs: new() { [JobState.Succeeded] = 3, [JobState.Running] = 1 });

        var jobs = ClusterGaugeValues.Jobs(snapshot).ToDictionary(reading => reading.State!, reading => reading.Value);

        Assert.Equal(Enum.GetNames<JobState>().Order(), jobs.Keys.Order());
        Assert.Equal(3, jobs["Succeeded"]);
        Assert.Equal(1, jobs["Running"]);
        Assert.Equal(0, jobs["Failed"]);
        Assert.All(ClusterGaugeValues.Jobs(snapshot), reading => Assert.Null(reading.Node));
    }

    public static TheoryData<string, DateTimeOffset[], double, double> Queues => new()
    {
        { "empty queue: nothing waits", [], 0, 0 },
        { "one job queued a minute ago", [Now.AddMinutes(-1)], 1, 60 },
        { "the oldest of several counts", [Now.AddSeconds(-5), Now.AddHours(-1), Now.AddSeconds(-30)], 3, 3600 },
        { "a clock behind the submitter never reads negative", [Now.AddSeconds(2)], 1, 0 },
    };

    [Theory]
    [MemberData(nameof(Queues))]
    public void Queue_length_and_oldest_wait(string name, DateTimeOffset[] queued, double length, double oldestWait)
    {
        var snapshot = Snapshot(queued: queued);

        Assert.True(length == ClusterGaugeValues.QueueLength(snapshot), name);
        Assert.True(oldestWait == ClusterGaugeValues.OldestWait(snapshot, Now), $"{name}: {ClusterGaugeValues.OldestWait(snapshot, Now)}");
    }

    [Fact]
    public void Gpus_are_held_and_free_per_node()
    {
        var snapshot = Snapshot(nodes: [new("a", 2, 2, Now), new("b", 0, 1, Now)]);

        Assert.Equal(
            [new(2, "a", "held"), new(2, "a", "free"), new(0, "b", "held"), new(1, "b", "free")],
            ClusterGaugeValues.Gpus(snapshot).ToArray());
    }

    [Fact]
    public void Heartbeat_age_is_per_node_that_has_spoken()
    {
        var snapshot = Snapshot(nodes: [new("a", 0, 1, Now.AddSeconds(-12)), new("silent", 0, 1, null), new("ahead", 0, 1, Now.AddSeconds(1))]);

        Assert.Equal([new(12, "a"), new(0, "ahead")], ClusterGaugeValues.HeartbeatAges(snapshot, Now).ToArray());
    }

    [Fact]
    public void Before_the_first_read_every_gauge_is_empty_or_zero()
    {
        Assert.All(ClusterGaugeValues.Jobs(ClusterSnapshot.Empty), reading => Assert.Equal(0, reading.Value));
        Assert.Equal(0, ClusterGaugeValues.QueueLength(ClusterSnapshot.Empty));
        Assert.Equal(0, ClusterGaugeValues.OldestWait(ClusterSnapshot.Empty, Now));
        Assert.Empty(ClusterGaugeValues.Gpus(ClusterSnapshot.Empty));
        Assert.Empty(ClusterGaugeValues.HeartbeatAges(ClusterSnapshot.Empty, Now));
    }

    private static ClusterSnapshot Snapshot(Dictionary<JobState, long>? jobs = null, DateTimeOffset[]? queued = null, NodeReading[]? nodes = null) =>
        new(jobs ?? [], queued ?? [], nodes ?? [], Now);
}
