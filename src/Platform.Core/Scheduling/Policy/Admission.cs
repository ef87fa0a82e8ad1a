namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Kueue's admission by quota. A team is guaranteed the part of its nominal quota it does not
/// lend; the lendable parts of a cohort's members form a pool the members share. A job is admitted
/// when its team stays within its nominal quota; or when, beyond it, the team borrows no more
/// than its borrowing limit and the cohort's use of the shared, lendable quota stays within it.
/// Whether the job fits on the nodes is the placer's question, not this one.
/// </summary>
public static class Admission
{
    private static readonly PolicyResource[] Resources = [PolicyResource.Gpus, PolicyResource.Cpus, PolicyResource.MemoryMb];

    /// <param name="policy">The quotas and cohorts.</param>
    /// <param name="usage">What every team uses now, per pool.</param>
    /// <param name="team">The job's team.</param>
    /// <param name="pool">The pool the job runs in.</param>
    /// <param name="need">What the whole job needs.</param>
    /// <param name="poolCapacity">The capacity of every node of the pool together.</param>
    public static AdmissionDecision Decide(
        SharingPolicy policy, QuotaLedger usage, string team, string pool, Amount need, Amount poolCapacity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(usage);
        foreach (var r in Resources.Where(r => need[r] > poolCapacity[r]))
        {
            return Never($"the job needs {Of(need, r)} but pool {pool} has {Of(poolCapacity, r)} in all; it can never run there");
        }

        var quota = policy.QuotaOf(team, pool);
        var after = usage.UsageOf(team, pool) + need;
        if (after.FitsIn(quota.Nominal))
        {
            return new(AdmissionVerdict.WithinNominal, null);
        }

        var cohort = policy.CohortOf(team);
        var members = cohort is null ? [] : policy.Members(cohort);
        var ceiling = quota.Nominal + Amount.Min(quota.BorrowingLimit, LendableByOthers(policy, members, team, pool));
        foreach (var r in Resources.Where(r => need[r] > ceiling[r]))
        {
            var how = cohort is null ? "it is in no cohort to borrow from" : $"its borrowing from cohort {cohort} included";
            return Never($"the job needs {Of(need, r)} but team {team} may never use more than {Of(ceiling, r)} in pool {pool} ({how})");
        }

        foreach (var r in Resources.Where(r => after[r] > quota.Nominal[r]))
        {
            var over = $"team {team} would use {after.Format(r)} of its {quota.Nominal.Format(r)} nominal {Noun(r)} in pool {pool}";
            if (cohort is null)
            {
                return OverQuota($"{over} and is in no cohort to borrow from");
            }

            var borrowed = Math.Max(0, usage.UsageOf(team, pool)[r] - quota.Nominal[r]);
            if (after[r] - quota.Nominal[r] > quota.BorrowingLimit[r])
            {
                var more = Only(r, Math.Max(0, quota.BorrowingLimit[r] - borrowed));
                return OverQuota($"{over} and may borrow {more.Format(r)} more (borrowingLimit {quota.BorrowingLimit.Format(r)})");
            }

            var (lendable, used) = CohortUse(policy, usage, members, pool, r);
            var left = Math.Max(0, lendable - used);
            if (used + Growth(quota, usage.UsageOf(team, pool), need, r) > lendable)
            {
                return OverQuota($"{over} and cohort {cohort} has {Of(Only(r, left), r)} left to lend of {Only(r, lendable).Format(r)}");
            }
        }

        return new(AdmissionVerdict.Borrowing, null);
    }

    /// <summary>How much more of the cohort's shared quota the team takes when its usage grows by <paramref name="need"/>.</summary>
    private static long Growth(TeamQuota quota, Amount before, Amount need, PolicyResource r)
    {
        var guaranteed = quota.Guaranteed[r];
        return Math.Max(0, before[r] + need[r] - guaranteed) - Math.Max(0, before[r] - guaranteed);
    }

    /// <summary>The cohort's shared quota of one resource in the pool, and how much of it its members use.</summary>
    private static (long Lendable, long Used) CohortUse(
        SharingPolicy policy, QuotaLedger usage, IReadOnlyList<string> members, string pool, PolicyResource r)
    {
        long lendable = 0, used = 0;
        foreach (var member in members)
        {
            var quota = policy.QuotaOf(member, pool);
            lendable = (Only(r, lendable) + Only(r, quota.Lendable[r]))[r];
            used += Math.Max(0, usage.UsageOf(member, pool)[r] - quota.Guaranteed[r]);
        }

        return (lendable, used);
    }

    private static Amount LendableByOthers(SharingPolicy policy, IReadOnlyList<string> members, string team, string pool)
    {
        var sum = Amount.Zero;
        foreach (var member in members.Where(m => !string.Equals(m, team, StringComparison.Ordinal)))
        {
            sum += policy.QuotaOf(member, pool).Lendable;
        }

        return sum;
    }

    private static Amount Only(PolicyResource r, long value) => r switch
    {
        PolicyResource.Gpus => new(value, 0, 0),
        PolicyResource.Cpus => new(0, value, 0),
        _ => new(0, 0, value),
    };

    /// <summary>"8 GPUs", "2.5 CPUs", "4096 MB of memory".</summary>
    internal static string Of(Amount amount, PolicyResource r) => r switch
    {
        PolicyResource.Gpus when amount.Gpus == 1 => "1 GPU",
        PolicyResource.Cpus when amount.MilliCpus == 1000 => "1 CPU",
        _ => $"{amount.Format(r)} {Noun(r)}",
    };

    private static string Noun(PolicyResource r) => r switch
    {
        PolicyResource.Gpus => "GPUs",
        PolicyResource.Cpus => "CPUs",
        _ => "MB of memory",
    };

    private static AdmissionDecision Never(string reason) => new(AdmissionVerdict.Never, reason);

    private static AdmissionDecision OverQuota(string reason) => new(AdmissionVerdict.OverQuota, reason);
}
