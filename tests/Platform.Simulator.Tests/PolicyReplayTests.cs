using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Trace;

namespace Platform.Simulator.Tests;

/// <summary>Every policy finishes every job without giving a GPU twice; the platform's policy preempts borrowers and keeps their work.</summary>
public sealed class PolicyReplayTests
{
    private static readonly int[] Sizes = [1, 1, 1, 2, 4, 1, 8, 1, 16, 3, 1, 12];

    public static TheoryData<string, string, double, double?> Policies => new()
    {
        { "FIFO", "fifo", 0, null },
        { "SJF", "sjf", 0, null },
        { "platform, planning at every event", "platform", 0, null },
        { "platform, planning once per simulated minute", "platform", 60, null },
        { "platform, jobs declaring deadlines (reservations with an estimated start, backfill)", "platform", 0, 1.5 },
    };

    [Theory, MemberData(nameof(Policies))]
    public void Every_job_finishes_and_no_instant_exceeds_the_clusters_gpus(string why, string policy, double step, double? deadlineFactor)
    {
        var shape = new ClusterShape(4, 4);
        var teams = new[] { "a", "b", "c" };
        var jobs = Enumerable.Range(0, 300).Select(i => new TraceJob(
            i + 2, i * 7 % 900, 30 + (i * 37 % 400), Sizes[i % Sizes.Length], teams[i * 5 % 3])).ToList();

        // The ledger throws when a GPU is given twice; the replay throws when a job never finishes.
        var result = Traces.Replay(policy, jobs, shape, new Dictionary<string, int> { ["a"] = 8, ["b"] = 4, ["c"] = 4 }, grace: 10, step: step, deadlineFactor: deadlineFactor);

        Assert.True(result.Jobs.All(j => j.Finish is not null), why);
        Assert.True(result.PeakBusyGpus <= shape.TotalGpus, $"{why}: {result.PeakBusyGpus} GPUs held at once");
        Assert.True(result.PeakBusyGpus == shape.TotalGpus, $"{why}: the cluster was never full ({result.PeakBusyGpus})");
        Assert.All(result.Jobs, j => Assert.True(j.Finish - j.Trace.SubmitTime >= j.Trace.Duration - 1e-9, $"{why}: {j.Id} ended before its work was done"));
        var work = jobs.Sum(j => j.Duration * j.Gpus);
        Assert.True(result.BusyGpuSeconds >= work - 1e-6, $"{why}: {result.BusyGpuSeconds} GPU-seconds held for {work} of work");
    }

    [Fact]
    public void A_team_within_its_quota_preempts_the_borrowers_which_keep_their_work()
    {
        var shape = new ClusterShape(1, 4);
        // b takes the whole node at 0 (2 GPUs of its own, 2 borrowed from a); a asks for its 2 GPUs at 10.
        var jobs = Traces.Parse("0/100/1/b 0/100/1/b 0/100/1/b 0/100/1/b 10/10/2/a");

        var result = Traces.Replay("platform", jobs, shape, new Dictionary<string, int> { ["a"] = 2, ["b"] = 2 }, grace: 5);

        Assert.Equal(2, result.Preemptions);
        // a starts when the victims' grace ends (15) and runs 10 s; the victims ran 10 s, resume at 25 with 90 s left.
        Assert.Equal("100 100 115 115 25", Traces.Finishes(result));
        Assert.Equal([0, 0, 10, 10, 5], result.Jobs.Select(j => j.QueuedSeconds));
        Assert.Equal(400 + 20 + (2 * 5), result.BusyGpuSeconds);
    }
}
