using Platform.Core.Scheduling.Policy;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>
/// Replays plans minute by minute with a simulated clock: placements start, preempted jobs stop
/// by the next step and queue again, jobs end after their duration. No sleeping, no randomness.
/// </summary>
internal sealed class Simulation(SharingPolicy policy, PoolNode[] nodes)
{
    private readonly Dictionary<string, QueuedJob> _jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _durations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DecayedUsage> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedJob> _queue = new(StringComparer.Ordinal);

    public double Minute { get; private set; }

    public List<RunningJob> Running { get; } = [];

    public Dictionary<string, double> StartedAt { get; } = new(StringComparer.Ordinal);

    public int Preemptions { get; private set; }

    public int BorrowingPlacements { get; private set; }

    public void Submit(QueuedJob job, double minutes)
    {
        _jobs[job.Request.JobId] = job;
        _durations[job.Request.JobId] = minutes;
        _queue[job.Request.JobId] = job;
    }

    /// <summary>Plans at the current minute and applies the plan.</summary>
    public PlanResult Step()
    {
        var plan = SharingPlanner.Plan(new PlanInput(policy, nodes, [.. Running], [.. _queue.Values], _usage, Jobs.At(Minute)));
        foreach (var placed in plan.Placements)
        {
            Running.Add(placed);
            _queue.Remove(placed.JobId);
            StartedAt[placed.JobId] = Minute;
            BorrowingPlacements += placed.Borrowing ? 1 : 0;
        }

        foreach (var preemption in plan.Preemptions)
        {
            var at = Running.FindIndex(r => r.JobId == preemption.VictimJobId);
            Running[at] = Running[at] with { StoppingFor = preemption.ByJobId };
            Preemptions++;
        }

        return plan;
    }

    /// <summary>Moves the clock on: stopping jobs are gone and queued again, finished jobs end.</summary>
    public void Advance(double minutes)
    {
        var now = Jobs.At(Minute + minutes);
        foreach (var team in Running.Select(r => r.Team).Concat(_usage.Keys).Distinct().ToList())
        {
            var level = Running.Where(r => r.Team == team && r.StoppingFor is null).Aggregate(Amount.Zero, (sum, r) => sum + Amount.Of(r.Allocation));
            _usage[team] = _usage.GetValueOrDefault(team, DecayedUsage.None(Jobs.At(Minute))).Update(now, level, policy.UsageHalfLife);
        }

        Minute += minutes;
        foreach (var stopped in Running.Where(r => r.StoppingFor is not null).ToList())
        {
            Running.Remove(stopped);
            _queue[stopped.JobId] = _jobs[stopped.JobId];
        }

        Running.RemoveAll(r => StartedAt[r.JobId] + _durations[r.JobId] <= Minute);
    }
}
