using Platform.Bench.Simulator.Replay;
using Platform.Core.Scheduling.Policy;

namespace Platform.Bench.Simulator.Policies;

/// <summary>
/// The platform's policy: <see cref="SharingPlanner.Plan"/> on every planning instant, its
/// placements started, its preemptions applied (the victim stops after its grace period and
/// queues again), its reservations kept by the planner itself from what runs; each team's decayed
/// usage updated whenever what it holds changes. With a <paramref name="deadlineFactor"/>, each job
/// declares an <c>activeDeadlineSeconds</c> of its remaining work times the factor (rounded up), so
/// that reservations get an estimated start and backfill can use their gap.
/// </summary>
public sealed class PlatformPolicy(SharingPolicy policy, IReadOnlyList<PoolNode> nodes, DateTimeOffset origin, double? deadlineFactor = null) : IReplayPolicy
{
    private readonly Dictionary<string, QueuedJob> _queue = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunningJob> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SimJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecayedUsage> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Amount> _held = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public string Name => "platform";

    /// <summary>Reservations in force after the last plan.</summary>
    public int Reservations { get; private set; }

    /// <inheritdoc/>
    public void Enqueue(SimJob job, double now)
    {
        _jobs[job.Id] = job;
        _queue[job.Id] = new QueuedJob(
            job.Request, PoolMatcher.DefaultPool,
            deadlineFactor is { } factor ? (int)Math.Min(int.MaxValue, Math.Ceiling(job.Remaining * factor)) : null);
    }

    /// <inheritdoc/>
    public void Released(SimJob job, double now)
    {
        if (_running.Remove(job.Id, out var running) && running.StoppingFor is null)
        {
            Hold(running, now, -1);
        }
    }

    /// <inheritdoc/>
    public void Schedule(double now, IReplayCluster cluster)
    {
        var at = origin.AddSeconds(now);
        foreach (var team in _held.Keys)
        {
            Touch(team, now);
        }

        var plan = SharingPlanner.Plan(new PlanInput(policy, nodes, [.. _running.Values], [.. _queue.Values], _usage, at));
        foreach (var preemption in plan.Preemptions)
        {
            var victim = _running[preemption.VictimJobId];
            Hold(victim, now, -1);
            _running[victim.JobId] = victim with { StoppingFor = preemption.ByJobId };
            cluster.Preempt(_jobs[victim.JobId]);
        }

        foreach (var placed in plan.Placements)
        {
            cluster.Start(_jobs[placed.JobId], placed.Allocation);
            _queue.Remove(placed.JobId);
            _running[placed.JobId] = placed;
            Hold(placed, now, +1);
        }

        Reservations = plan.Reservations.Count;
    }

    /// <summary>Counts <paramref name="job"/>'s resources in (or out of) its team's usage from <paramref name="now"/>.</summary>
    private void Hold(RunningJob job, double now, int sign)
    {
        Touch(job.Team, now);
        var amount = Amount.Of(job.Allocation);
        var held = _held.GetValueOrDefault(job.Team);
        _held[job.Team] = sign > 0 ? held + amount : held - amount;
    }

    private void Touch(string team, double now)
    {
        var at = origin.AddSeconds(now);
        _usage[team] = _usage.TryGetValue(team, out var usage)
            ? usage.Update(at, _held.GetValueOrDefault(team), policy.UsageHalfLife)
            : DecayedUsage.None(at);
    }
}
