using System.Diagnostics;
using Platform.Bench.Simulator.Cluster;
using Platform.Contracts.Scheduling;

namespace Platform.Bench.Simulator.Replay;

/// <summary>
/// Replays jobs through one policy on a simulated clock: an event queue of arrivals, completions
/// and the ends of grace periods; the policy plans after each instant's events (or once per step).
/// No sleeping and no randomness: the same trace gives the same result.
/// </summary>
public sealed class Replayer : IReplayCluster
{
    private readonly IReplayPolicy _policy;
    private readonly ReplaySettings _settings;
    private readonly GpuLedger _ledger;
    private readonly PriorityQueue<SimEvent, (double Time, EventKind Kind, long Seq)> _events = new();
    private readonly List<Allocation> _allocations = [];
    private readonly Dictionary<string, double> _teamGpuSeconds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _teamContendedGpuSeconds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _teamHeld = new(StringComparer.Ordinal);
    private int _waiting;
    private readonly TextWriter? _progress;
    private long _seq;
    private double _now;

    /// <param name="shape">The cluster.</param>
    /// <param name="policy">The policy, fresh.</param>
    /// <param name="settings">Grace period, planning step, series width.</param>
    /// <param name="progress">Where a line goes every <see cref="ProgressPlans"/> plans; null: nowhere.</param>
    public Replayer(ClusterShape shape, IReplayPolicy policy, ReplaySettings settings, TextWriter? progress = null)
    {
        _progress = progress;
        _policy = policy;
        _settings = settings;
        _ledger = new GpuLedger(shape.Nodes, shape.GpusPerNode, settings.BucketSeconds);
        Nodes = shape.Capacities();
    }

    /// <summary>How many plans between two progress lines: 20,000.</summary>
    public const int ProgressPlans = 20_000;

    /// <inheritdoc/>
    public IReadOnlyList<NodeCapacity> Nodes { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Allocation> Allocations => _allocations;

    /// <summary>Replays <paramref name="jobs"/> (fresh, none started) until every one has finished.</summary>
    /// <exception cref="InvalidOperationException">The policy left jobs waiting on an idle cluster, or gave a GPU twice.</exception>
    public ReplayResult Run(IReadOnlyList<SimJob> jobs)
    {
        var clock = Stopwatch.StartNew();
        foreach (var job in jobs)
        {
            Push(job.Trace.SubmitTime, EventKind.Submitted, job);
        }

        var plans = 0;
        while (_events.TryPeek(out var next, out _))
        {
            var planAt = _settings.StepSeconds > 0 ? Math.Ceiling(next.Time / _settings.StepSeconds) * _settings.StepSeconds : next.Time;
            while (_events.TryPeek(out var due, out _) && due.Time <= planAt)
            {
                Apply(_events.Dequeue());
            }

            Advance(planAt);
            _policy.Schedule(planAt, this);
            if (++plans % ProgressPlans == 0)
            {
                _progress?.WriteLine($"simulate: {_policy.Name}: simulated day {planAt / 86_400:0.0}, {plans:N0} plans, {_ledger.Busy:N0} GPUs held, {clock.Elapsed.TotalSeconds:0} s");
            }
        }

        var unfinished = jobs.Count(j => j.Finish is null);
        return unfinished == 0
            ? new ReplayResult(_policy.Name, jobs, _ledger.BusyGpuSeconds, _ledger.PeakBusy, _ledger.BusyByBucket, _teamGpuSeconds, _teamContendedGpuSeconds, plans, clock.Elapsed)
            : throw new InvalidOperationException($"{_policy.Name}: {unfinished} jobs never finished; the policy left them waiting on an idle cluster.");
    }

    /// <inheritdoc/>
    public bool Fits(int tasks, int gpusPerTask) => _ledger.Fits(tasks, gpusPerTask);

    /// <inheritdoc/>
    public void Start(SimJob job, Allocation allocation)
    {
        _ledger.Take(allocation);
        _allocations.Add(allocation);
        _waiting--;
        _teamHeld[job.Trace.Team] = _teamHeld.GetValueOrDefault(job.Trace.Team) + job.Trace.Gpus;
        job.Allocation = allocation;
        job.RunStart = _now;
        job.QueuedSeconds += _now - job.QueuedSince;
        job.Run++;
        Push(_now + job.Remaining, EventKind.Finished, job);
    }

    /// <inheritdoc/>
    public void Preempt(SimJob job)
    {
        job.Stopping = true;
        job.Preemptions++;
        job.Remaining -= _now - job.RunStart;
        Push(_now + _settings.GraceSeconds, EventKind.Stopped, job);
    }

    private void Apply(SimEvent e)
    {
        Advance(e.Time);
        var job = e.Job;
        switch (e.Kind)
        {
            case EventKind.Submitted:
                job.QueuedSince = _now;
                _waiting++;
                _policy.Enqueue(job, _now);
                break;
            case EventKind.Finished when e.Run == job.Run && job.Finish is null:
                Release(job);
                job.Finish = _now;
                break;
            case EventKind.Stopped when e.Run == job.Run && job.Finish is null:
                Release(job);
                job.Run++;
                job.QueuedSince = _now;
                _waiting++;
                _policy.Enqueue(job, _now);
                break;
        }
    }

    private void Release(SimJob job)
    {
        var allocation = job.Allocation!;
        _ledger.Release(allocation);
        _allocations.Remove(allocation);
        _teamGpuSeconds[job.Trace.Team] = _teamGpuSeconds.GetValueOrDefault(job.Trace.Team) + ((_now - job.RunStart) * job.Trace.Gpus);
        _teamHeld[job.Trace.Team] -= job.Trace.Gpus;
        job.Allocation = null;
        job.Stopping = false;
        _policy.Released(job, _now);
    }

    private void Advance(double now)
    {
        if (_waiting > 0 && now > _now)
        {
            foreach (var (team, held) in _teamHeld)
            {
                _teamContendedGpuSeconds[team] = _teamContendedGpuSeconds.GetValueOrDefault(team) + (held * (now - _now));
            }
        }

        _ledger.Advance(now);
        _now = now;
    }

    private void Push(double time, EventKind kind, SimJob job) =>
        _events.Enqueue(new SimEvent(time, kind, job, job.Run), (time, kind, _seq++));
}
