using Platform.Bench.Simulator.Replay;
using ScottPlot;

namespace Platform.Bench.Simulator.Report;

/// <summary>The report's PNG plots, drawn with ScottPlot.</summary>
public static class Plots
{
    /// <summary>The most points one line of a plot gets: 600.</summary>
    public const int MaxPoints = 600;

    private const int Width = 900, Height = 520;

    /// <summary>The CDF of job completion time per policy, JCT on a log scale; writes <paramref name="path"/>.</summary>
    public static void JctCdf(IReadOnlyList<ReplayResult> results, string path)
    {
        var plot = new Plot();
        foreach (var result in results)
        {
            var jct = result.Jobs.Select(j => Math.Max(1, j.Finish!.Value - j.Trace.SubmitTime)).Order().ToArray();
            var step = Math.Max(1, jct.Length / MaxPoints);
            var indexes = Enumerable.Range(0, jct.Length).Where(i => i % step == 0 || i == jct.Length - 1).ToArray();
            var line = plot.Add.ScatterLine(indexes.Select(i => Math.Log10(jct[i])).ToArray(), indexes.Select(i => (i + 1.0) / jct.Length).ToArray());
            line.LegendText = result.Policy;
            line.LineWidth = 2;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (seconds, label) in new[] { (1.0, "1 s"), (60.0, "1 min"), (3_600.0, "1 h"), (86_400.0, "1 d"), (864_000.0, "10 d"), (8_640_000.0, "100 d") })
        {
            ticks.AddMajor(Math.Log10(seconds), label);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        Save(plot, "CDF of job completion time", "job completion time (log scale)", "fraction of jobs", 1, path);
    }

    /// <summary>GPUs held over GPUs offered per bucket of <paramref name="bucketSeconds"/>, per policy; writes <paramref name="path"/>.</summary>
    public static void Utilisation(IReadOnlyList<ReplayResult> results, double bucketSeconds, int totalGpus, string path)
    {
        var plot = new Plot();
        foreach (var result in results)
        {
            var buckets = result.BusyByBucket;
            var group = Math.Max(1, (buckets.Count + MaxPoints - 1) / MaxPoints);
            var xs = new List<double>();
            var ys = new List<double>();
            for (var i = 0; i < buckets.Count; i += group)
            {
                var n = Math.Min(group, buckets.Count - i);
                xs.Add((i + (n / 2.0)) * bucketSeconds / 86_400);
                ys.Add(buckets.Skip(i).Take(n).Sum() / (n * bucketSeconds * totalGpus));
            }

            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = result.Policy;
        }

        Save(plot, "GPU utilisation over time", "simulated time (days)", "GPUs held / GPUs offered", 1.05, path);
    }

    private static void Save(Plot plot, string title, string xLabel, string yLabel, double yMax, string path)
    {
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsY(0, yMax);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, Width, Height);
    }
}
