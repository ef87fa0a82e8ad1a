using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>The decision for one queued job: place it, preempt for it, reserve for it, or say why it waits.</summary>
internal sealed partial class PlanRun
{
    /// <returns>Why the job waits, or null when it was placed.</returns>
    private string? Decide(QueuedJob job, PoolPlan pool)
    {
        if (pool.Index is not { } index)
        {
            return PlanReasons.NoNodes(pool.Name);
        }

        var need = Amount.Of(job.Request);
        var decision = Admit(job, pool, index);
        if (decision.Verdict == AdmissionVerdict.Never)
        {
            return decision.Reason;
        }

        if (!decision.Admitted)
        {
            return TryPreempt(job, pool, admitted: false) ?? decision.Reason;
        }

        var end = job.ActiveDeadlineSeconds is { } seconds ? _input.Now.AddSeconds(seconds) : (DateTimeOffset?)null;
        var shape = JobShape.Of(job.Request, end);
        if (!pool.Failed.Contains(shape) && index.Place(job.Request, slot => MayUse(pool, slot, end)) is { } allocation)
        {
            Place(job, pool, index, allocation, decision.Verdict == AdmissionVerdict.Borrowing);
            return null;
        }

        pool.Failed.Add(shape);
        return WaitForStopping(job, pool, index)
            ?? TryPreempt(job, pool, admitted: true)
            ?? (pool.HeadReserved ? null : ReserveHead(job, pool, index))
            ?? BlockedFor(shape, job, pool, index, need);
    }

    /// <summary>A reserved node takes only a job whose deadline ends before the reservation's estimated start.</summary>
    private static bool MayUse(PoolPlan pool, NodeSlot slot, DateTimeOffset? end) =>
        !pool.ReservedUntil.TryGetValue(slot.Id, out var until)
        || (end is { } ends && until != DateTimeOffset.MinValue && ends <= until);

    private void Place(QueuedJob job, PoolPlan pool, PoolIndex index, Allocation allocation, bool borrowing)
    {
        index.Take(allocation, _slots);
        pool.BlockedReasons.Clear();
        pool.Admissions.Clear();
        var running = new RunningJob(
            allocation, job.Team, pool.Name, job.Request.PriorityValue, job.Preemptible, _input.Now, job.ActiveDeadlineSeconds, borrowing);
        _placements.Add(running);
        PlacedIn(pool.Name).Add(running);
        var need = Amount.Of(job.Request);
        _ledger.Add(job.Team, pool.Name, need);
        _shares.Charge(job.Team, need);
    }

    /// <summary>When jobs preempted earlier for this one are still stopping and it fits once they are gone, it waits for them.</summary>
    private string? WaitForStopping(QueuedJob job, PoolPlan pool, PoolIndex index)
    {
        if (!_stopping.Contains(job.Request.JobId))
        {
            return null;
        }

        var stopping = _stopping[job.Request.JobId].ToList();
        if (PlaceWithout(job, index, pool, []) is not { } allocation)
        {
            return null;
        }

        Hold(job, pool, allocation.Tasks.Select(t => t.NodeId), null);
        return PlanReasons.StoppingFor(stopping.Select(r => r.JobId));
    }

    private string? TryPreempt(QueuedJob job, PoolPlan pool, bool admitted)
    {
        if (pool.Index is not { } index || pool.Fruitless.Contains((job.Team, admitted)))
        {
            return null;
        }

        var holders = HoldersOf(pool.Name);
        var nodes = index.Slots.Where(s => !s.Draining).Select(s => s.Node).ToList();
        var placed = PlacedIn(pool.Name).Select(r => r.Allocation).ToList();
        var choice = VictimChooser.Choose(job, _policy, _ledger, AmountOf(index.Capacity), nodes, holders, placed);
        if (choice is null || PlaceWithout(job, index, pool, choice.Victims) is not { } allocation)
        {
            pool.Fruitless.Add((job.Team, admitted));
            return null;
        }

        for (var i = 0; i < choice.Victims.Count; i++)
        {
            var victim = choice.Victims[i];
            _preemptions.Add(new Preemption(victim.JobId, job.Request.JobId, choice.Rules[i], $"Preempted by {job.Request.JobId}"));
            _ledger.Remove(victim.Team, victim.Pool, Amount.Of(victim.Allocation));
            pool.Admissions.Clear();
            holders[holders.IndexOf(victim)] = victim with { StoppingFor = job.Request.JobId };
        }

        Hold(job, pool, allocation.Tasks.Select(t => t.NodeId), null);
        return PlanReasons.StoppingFor(holders.Where(r => r.StoppingFor == job.Request.JobId).Select(r => r.JobId));
    }

    /// <summary>Where the job goes once <paramref name="victims"/> and the jobs stopping for it are gone.</summary>
    private Allocation? PlaceWithout(QueuedJob job, PoolIndex index, PoolPlan pool, IReadOnlyList<RunningJob> victims)
    {
        var gone = victims.Select(v => v.JobId).ToHashSet(StringComparer.Ordinal);
        var held = HoldersOf(pool.Name)
            .Where(r => !gone.Contains(r.JobId) && r.StoppingFor != job.Request.JobId)
            .Select(r => r.Allocation)
            .Concat(PlacedIn(pool.Name).Select(r => r.Allocation))
            .ToList();
        var nodes = index.Slots.Where(s => !s.Draining).Select(s => s.Node).ToList();
        return GangPlacer.Place(job.Request, nodes, held).Allocation;
    }

    private string? ReserveHead(QueuedJob job, PoolPlan pool, PoolIndex index)
    {
        var holders = HoldersOf(pool.Name).Concat(PlacedIn(pool.Name));
        if (ReservationPlanner.Reserve(job, index, holders, pool.ReservedUntil, _input.Now) is not { } reserved)
        {
            return PlanReasons.NeverFits(pool.Name);
        }

        pool.HeadReserved = true;
        Hold(job, pool, reserved.Nodes.Select(n => n.Id), reserved.Start);
        return PlanReasons.Reserved(pool.Name, reserved.Nodes, reserved.Start);
    }

    private void Hold(QueuedJob job, PoolPlan pool, IEnumerable<string> nodes, DateTimeOffset? start)
    {
        var ids = nodes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _reservations.Add(new Reservation(job.Request.JobId, pool.Name, ids, start));
        pool.Reserve(job, ids, start);
    }

    private static string BlockedFor(JobShape shape, QueuedJob job, PoolPlan pool, PoolIndex index, Amount need)
    {
        if (!pool.BlockedReasons.TryGetValue(shape, out var reason))
        {
            pool.BlockedReasons[shape] = reason = Blocked(job, pool, index, need);
        }

        return reason;
    }

    private static string Blocked(QueuedJob job, PoolPlan pool, PoolIndex index, Amount need)
    {
        if (pool.ReservedFor.Count > 0 && index.Choose(job.Request, _ => true) is { } nodes
            && nodes.FirstOrDefault(n => pool.ReservedFor.ContainsKey(n.Id)) is { } reserved)
        {
            var holder = pool.ReservedFor[reserved.Id];
            var until = pool.ReservedUntil[reserved.Id];
            return PlanReasons.BehindReservation(holder.Request.JobId, holder.Request.PriorityValue, until == DateTimeOffset.MinValue ? null : until);
        }

        return PlanReasons.Waiting(pool.Name, need, index.Free, index.Capacity);
    }
}
