using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>One plan's working state: the free-capacity index, the quota ledger, the shares, and what was decided.</summary>
internal sealed partial class PlanRun
{
    private readonly PlanInput _input;
    private readonly SharingPolicy _policy;
    private readonly Dictionary<string, NodeSlot> _slots = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, PoolIndex> _pools = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RunningJob>> _holders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RunningJob>> _placedIn = new(StringComparer.Ordinal);
    private readonly QuotaLedger _ledger = new();
    private readonly TeamShares _shares;
    private readonly ILookup<string, RunningJob> _stopping;
    private readonly List<RunningJob> _placements = [];
    private readonly List<Reservation> _reservations = [];
    private readonly List<Preemption> _preemptions = [];
    private readonly List<PendingJob> _pending = [];

    public PlanRun(PlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _policy = input.Policy;
        foreach (var node in input.Nodes)
        {
            var slot = new NodeSlot(node, _policy.Pools.PoolOf(node.Labels));
            slot.Free = slot.Capacity;
            _slots[slot.Id] = slot;
        }

        foreach (var job in input.Running)
        {
            Hold(job);
            if (job.StoppingFor is null)
            {
                _ledger.Add(job.Team, job.Pool, Amount.Of(job.Allocation));
            }
        }

        foreach (var group in _slots.Values.GroupBy(s => s.Pool, StringComparer.Ordinal))
        {
            _pools[group.Key] = new PoolIndex(group.Key, group);
        }

        _stopping = input.Running.Where(r => r.StoppingFor is not null).ToLookup(r => r.StoppingFor!, StringComparer.Ordinal);
        var capacity = _pools.Values.Aggregate(Amount.Zero, (sum, pool) => sum + AmountOf(pool.Capacity));
        _shares = new TeamShares(_policy, input, capacity);
    }

    public PlanResult Run()
    {
        var byPool = _input.Queue.GroupBy(j => j.Pool, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var jobs in byPool)
        {
            var queue = new FairQueue(jobs, _shares.Current);
            var position = 0;
            var pool = new PoolPlan(jobs.Key, _pools.GetValueOrDefault(jobs.Key));
            var borrowers = new List<QueuedJob>();
            while (queue.TryDequeue(out var job))
            {
                if (WouldBorrow(job, pool))
                {
                    borrowers.Add(job);
                }
                else if (Decide(job, pool) is { } reason)
                {
                    _pending.Add(new PendingJob(job.Request.JobId, job.Pool, ++position, reason));
                }
                else
                {
                    queue.SetShare(job.Team, _shares.Current[job.Team]);
                }
            }

            // Guaranteed quota first: a job that would borrow is tried only after every job within its nominal
            // quota, so that idle quota is not lent out and then reclaimed by preemption in the next plan.
            foreach (var job in borrowers)
            {
                if (Decide(job, pool) is { } reason)
                {
                    _pending.Add(new PendingJob(job.Request.JobId, job.Pool, ++position, reason));
                }
            }
        }

        return new PlanResult(_placements, _reservations, _preemptions, _pending);
    }

    private bool WouldBorrow(QueuedJob job, PoolPlan pool) =>
        pool.Index is { } index && Admit(job, pool, index).Verdict == AdmissionVerdict.Borrowing;

    /// <summary>The quotas' answer, remembered until what teams use in the pool changes: most of a long queue asks the same question.</summary>
    private AdmissionDecision Admit(QueuedJob job, PoolPlan pool, PoolIndex index)
    {
        var need = Amount.Of(job.Request);
        if (!pool.Admissions.TryGetValue((job.Team, need), out var decision))
        {
            decision = Admission.Decide(_policy, _ledger, job.Team, pool.Name, need, AmountOf(index.Capacity));
            pool.Admissions[(job.Team, need)] = decision;
        }

        return decision;
    }

    private void Hold(RunningJob job)
    {
        var pool = job.Pool;
        foreach (var group in job.Allocation.Tasks.GroupBy(t => t.NodeId, StringComparer.Ordinal))
        {
            if (_slots.TryGetValue(group.Key, out var slot))
            {
                slot.Free = NodeSlot.Minus(slot.Free, ResourceAmount.Sum(group.Select(NodeSlot.Of)));
                slot.Held.Add(job.Allocation);
                pool = slot.Pool;
            }
        }

        HoldersOf(pool).Add(job);
    }

    private List<RunningJob> HoldersOf(string pool)
    {
        if (!_holders.TryGetValue(pool, out var list))
        {
            _holders[pool] = list = [];
        }

        return list;
    }

    private List<RunningJob> PlacedIn(string pool)
    {
        if (!_placedIn.TryGetValue(pool, out var list))
        {
            _placedIn[pool] = list = [];
        }

        return list;
    }

    private static Amount AmountOf(ResourceAmount amount) => new(amount.Gpus, amount.MilliCpus, amount.MemoryMb);
}
