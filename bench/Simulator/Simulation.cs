using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Policies;
using Platform.Bench.Simulator.Replay;
using Platform.Bench.Simulator.Trace;
using Platform.Core.Scheduling.Policy;

namespace Platform.Bench.Simulator;

/// <summary>Builds the jobs, the policies and the replays of one simulation.</summary>
public sealed class Simulation(
    ClusterShape shape, IReadOnlyDictionary<string, int> quotas, ReplaySettings settings, double halfLifeMinutes,
    ReclaimWithinCohort reclaim = ReclaimWithinCohort.Any, double? deadlineFactor = null)
{
    /// <summary>The instant the trace's second 0 stands for.</summary>
    public static readonly DateTimeOffset Origin = new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The trace's jobs in submit order (stable), the first <paramref name="limit"/> of them, without those larger than the cluster.</summary>
    public (IReadOnlyList<TraceJob> Jobs, int TooLarge) Select(IReadOnlyList<TraceJob> trace, int? limit)
    {
        var ordered = trace.OrderBy(j => j.SubmitTime).Take(limit ?? int.MaxValue).ToList();
        var fitting = ordered.Where(j => j.Gpus <= shape.TotalGpus).ToList();
        return (fitting, ordered.Count - fitting.Count);
    }

    /// <summary>Fresh jobs for one replay (every replay gets its own).</summary>
    public IReadOnlyList<SimJob> Fresh(IReadOnlyList<TraceJob> jobs) =>
        [.. jobs.Select((job, i) =>
        {
            var (tasks, each) = shape.Layout(job.Gpus);
            return new SimJob(job, shape.Request($"j{i:D7}", Origin.AddSeconds(job.SubmitTime), job.Gpus, job.Team), tasks, each);
        })];

    /// <summary>The policy named <paramref name="name"/> (fifo, platform or sjf), fresh.</summary>
    public IReplayPolicy Policy(string name, IEnumerable<string> teams) => name switch
    {
        "fifo" => GreedyPolicy.Fifo(),
        "sjf" => GreedyPolicy.ShortestFirst(),
        "platform" => new PlatformPolicy(Quotas.Policy(quotas, teams, halfLifeMinutes, reclaim), shape.PoolNodes(), Origin, deadlineFactor),
        _ => throw new ArgumentException($"unknown policy {name}."),
    };

    /// <summary>Replays <paramref name="jobs"/> through the policy <paramref name="name"/>.</summary>
    /// <param name="name">fifo, platform or sjf.</param>
    /// <param name="jobs">The jobs.</param>
    /// <param name="progress">Where progress lines go; null: nowhere.</param>
    public ReplayResult Replay(string name, IReadOnlyList<TraceJob> jobs, TextWriter? progress = null) =>
        new Replayer(shape, Policy(name, jobs.Select(j => j.Team)), settings, progress).Run(Fresh(jobs));
}
