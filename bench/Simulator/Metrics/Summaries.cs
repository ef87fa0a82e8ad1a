using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Metrics;

/// <summary>Turns a replay into its figures.</summary>
public static class Summaries
{
    /// <summary>Jobs above this many GPUs count as big for the largest-wait figure: 16.</summary>
    public const int BigJobGpus = 16;

    /// <summary>The figures of <paramref name="result"/> on a cluster of <paramref name="totalGpus"/> GPUs.</summary>
    public static PolicySummary Of(ReplayResult result, int totalGpus)
    {
        var jobs = result.Jobs;
        var jct = jobs.Select(j => j.Finish!.Value - j.Trace.SubmitTime).ToArray();
        var queued = jobs.Select(j => j.QueuedSeconds).ToArray();
        var first = jobs.Count == 0 ? 0 : jobs.Min(j => j.Trace.SubmitTime);
        var last = jobs.Count == 0 ? 0 : jobs.Max(j => j.Finish!.Value);
        var makespan = last - first;
        var bigJob = jobs.Where(j => j.Trace.Gpus > BigJobGpus).MaxBy(j => j.QueuedSeconds);
        return new PolicySummary(
            result.Policy, jobs.Count, Mean(jct), Percentile(jct, 0.95), Mean(queued), Percentile(queued, 0.95),
            makespan > 0 ? result.BusyGpuSeconds / (totalGpus * makespan) : 0,
            result.Preemptions, bigJob?.QueuedSeconds, makespan, bigJob);
    }

    /// <summary>The mean; 0 for no values.</summary>
    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? 0 : values.Average();

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="p"/> of the values at or below it; 0 for no values.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
