using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Metrics;

namespace Platform.Simulator.Tests;

/// <summary>JCT, queueing delay and utilisation on tiny traces computed by hand.</summary>
public sealed class MetricsTests
{
    // One node of 2 GPUs. A: at 0, 10 s, 2 GPUs. B: at 0, 5 s, 1 GPU. C: at 2, 4 s, 1 GPU.
    private const string Tiny = "0/10/2 0/5/1 2/4/1";

    public static TheoryData<string, string, string, double, double, double, double, double> HandComputed => new()
    {
        // FIFO: A 0-10; B waits 10, runs 10-15; C waits 8, runs 10-14. JCT 10, 15, 12; busy 20 + 5 + 4 = 29 of 2 x 15.
        { "FIFO runs A first, B and C after it", "fifo", "10 15 14", 37 / 3.0, 15, 6, 10, 29 / 30.0 },
        // SJF: B 0-5 (shortest), A does not fit beside it, C 2-6, A waits for both: 6-16. JCT 16, 5, 4; busy 5 + 4 + 20 = 29 of 2 x 16.
        { "SJF runs the short jobs first, A last", "sjf", "16 5 6", 25 / 3.0, 16, 2, 6, 29 / 32.0 },
    };

    [Theory, MemberData(nameof(HandComputed))]
    public void Figures_match_the_hand_computed_schedule(
        string why, string policy, string finishes, double avgJct, double p95Jct, double avgQueue, double p95Queue, double utilisation)
    {
        var shape = new ClusterShape(1, 2);
        var result = Traces.Replay(policy, Traces.Parse(Tiny), shape);

        var s = Summaries.Of(result, shape.TotalGpus);

        Assert.True(finishes == Traces.Finishes(result), $"{why}: finishes {Traces.Finishes(result)}");
        Assert.Equal(avgJct, s.AverageJct, 9);
        Assert.Equal(p95Jct, s.P95Jct, 9);
        Assert.Equal(avgQueue, s.AverageQueueing, 9);
        Assert.Equal(p95Queue, s.P95Queueing, 9);
        Assert.Equal(utilisation, s.Utilisation, 9);
        Assert.Equal(0, s.Preemptions);
    }

    public static TheoryData<string, double[], double, double> Percentiles => new()
    {
        { "one value is every percentile", [7], 0.95, 7 },
        { "p95 of 20 values is the 19th", [.. Enumerable.Range(1, 20).Select(i => (double)i)], 0.95, 19 },
        { "p95 of 21 values is the 20th (nearest rank rounds up)", [.. Enumerable.Range(1, 21).Select(i => (double)i)], 0.95, 20 },
        { "order of the input does not matter", [3, 1, 2], 0.5, 2 },
        { "no values give 0", [], 0.95, 0 },
    };

    [Theory, MemberData(nameof(Percentiles))]
    public void Percentile_is_the_nearest_rank(string why, double[] values, double p, double expected) =>
        Assert.True(expected == Summaries.Percentile(values, p), why);

    [Fact]
    public void The_largest_wait_counts_only_jobs_over_16_gpus()
    {
        var shape = new ClusterShape(4, 8);
        // A 32-GPU job holds the cluster 0-100; a 17-GPU job waits 100 s; a 16-GPU job waits 100 s too but is not counted.
        var result = Traces.Replay("fifo", Traces.Parse("0/100/32 1/10/17 2/10/16"), shape);

        var s = Summaries.Of(result, shape.TotalGpus);

        Assert.Equal(99, s.LargestBigWait);
    }

    [Fact]
    public void Utilisation_over_time_adds_up_to_the_gpu_time_held()
    {
        var shape = new ClusterShape(1, 2);
        var result = Traces.Replay("fifo", Traces.Parse("0/90/2 30/60/1"), shape);

        // Buckets of 60 s: 0-60 holds 2 GPUs; 60-120: 2 GPUs for 30 s then 1 for 30 s; 120-150: 1.
        Assert.Equal([120.0, 90.0, 30.0], result.BusyByBucket);
        Assert.Equal(240, result.BusyGpuSeconds);
    }

    [Fact]
    public void The_share_under_contention_counts_only_the_time_a_job_waited()
    {
        // a holds both GPUs 0-10 while b's job waits; b runs 10-15 with nothing waiting.
        var result = Traces.Replay("fifo", Traces.Parse("0/10/2/a 0/5/1/b"), new ClusterShape(1, 2));

        Assert.Equal(new Dictionary<string, double> { ["a"] = 20 }, result.TeamContendedGpuSeconds);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 20, ["b"] = 5 }, result.TeamGpuSeconds);
    }
}
