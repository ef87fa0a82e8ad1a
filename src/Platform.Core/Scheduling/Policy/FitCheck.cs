using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Whether a job fits, by quota and on the nodes, once a set of victims is gone. A job that
/// reclaims borrowed quota must stay within its own nominal quota; any other only within what
/// it may use. Counts the checks so that a choice can bound its cost.
/// </summary>
internal sealed class FitCheck(
    QueuedJob job, SharingPolicy policy, QuotaLedger usage, Amount poolCapacity,
    IReadOnlyList<NodeCapacity> nodes, IReadOnlyList<RunningJob> running, IReadOnlyList<Allocation> placed)
{
    private readonly Amount _need = Amount.Of(job.Request);

    // A job already stopping for this one will be gone: count its room as the job's.
    private readonly List<RunningJob> _held = [.. running.Where(r => !string.Equals(r.StoppingFor, job.Request.JobId, StringComparison.Ordinal))];

    private Amount? _free;

    public int Checks { get; private set; }

    public bool Fits(IReadOnlyCollection<(RunningJob Job, PreemptionRule Rule)> victims)
    {
        Checks++;
        return WithinQuota(victims) && EnoughInTotal(victims) && OnTheNodes(victims);
    }

    /// <summary>A cheap count first: the free resources and the victims' together must cover the job before any packing is tried.</summary>
    private bool EnoughInTotal(IReadOnlyCollection<(RunningJob Job, PreemptionRule Rule)> victims)
    {
        _free ??= Free();
        var total = _free.Value;
        foreach (var (victim, _) in victims)
        {
            total += Amount.Of(victim.Allocation);
        }

        return _need.FitsIn(total);
    }

    private Amount Free()
    {
        var free = Amount.Zero;
        foreach (var node in nodes)
        {
            free += new Amount(node.Gpus.Count, ResourceAmount.ToMilli(node.Cpus), node.MemoryMb);
        }

        var ids = nodes.Select(n => n.NodeId).ToHashSet(StringComparer.Ordinal);
        foreach (var task in _held.Select(r => r.Allocation).Concat(placed).SelectMany(a => a.Tasks).Where(t => ids.Contains(t.NodeId)))
        {
            free -= new Amount(task.GpuIndexes.Count, ResourceAmount.ToMilli(task.Resources.Cpus), task.Resources.MemoryMb);
        }

        return free;
    }

    private bool WithinQuota(IReadOnlyCollection<(RunningJob Job, PreemptionRule Rule)> victims)
    {
        foreach (var (victim, _) in victims)
        {
            usage.Remove(victim.Team, victim.Pool, Amount.Of(victim.Allocation));
        }

        var decision = Admission.Decide(policy, usage, job.Team, job.Pool, _need, poolCapacity);
        foreach (var (victim, _) in victims)
        {
            usage.Add(victim.Team, victim.Pool, Amount.Of(victim.Allocation));
        }

        return victims.Any(v => v.Rule == PreemptionRule.Reclaim)
            ? decision.Verdict == AdmissionVerdict.WithinNominal
            : decision.Admitted;
    }

    private bool OnTheNodes(IReadOnlyCollection<(RunningJob Job, PreemptionRule Rule)> victims)
    {
        var gone = victims.Select(v => v.Job.JobId).ToHashSet(StringComparer.Ordinal);
        var held = _held.Where(r => !gone.Contains(r.JobId)).Select(r => r.Allocation).Concat(placed).ToList();
        return GangPlacer.Place(job.Request, nodes, held).IsPlaced;
    }
}
