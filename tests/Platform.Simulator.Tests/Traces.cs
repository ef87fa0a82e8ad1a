using Platform.Bench.Simulator;
using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Replay;
using Platform.Bench.Simulator.Trace;

namespace Platform.Simulator.Tests;

/// <summary>Short builders of tiny traces and their replays.</summary>
internal static class Traces
{
    /// <summary>Jobs from "submit/duration/gpus/team" items, space-separated.</summary>
    public static IReadOnlyList<TraceJob> Parse(string jobs) =>
        [.. jobs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((item, i) =>
        {
            var f = item.Split('/');
            return new TraceJob(i + 2, double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture), f.Length > 3 ? f[3] : "a");
        })];

    public static ReplayResult Replay(
        string policy, IReadOnlyList<TraceJob> jobs, ClusterShape shape, IReadOnlyDictionary<string, int>? quotas = null, double grace = 0, double step = 0, double? deadlineFactor = null) =>
        new Simulation(shape, quotas ?? Quotas.Proportional(jobs, shape.TotalGpus), new ReplaySettings(grace, step, 60), 60, deadlineFactor: deadlineFactor).Replay(policy, jobs);

    /// <summary>"finish" per job in trace order, space-separated.</summary>
    public static string Finishes(ReplayResult result) =>
        string.Join(' ', result.Jobs.Select(j => j.Finish!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
