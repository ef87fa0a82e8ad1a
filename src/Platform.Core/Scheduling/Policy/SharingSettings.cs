namespace Platform.Core.Scheduling.Policy;

/// <summary>Turns checked <see cref="SchedulingOptions"/> into the <see cref="SharingPolicy"/> they describe.</summary>
internal static class SharingSettings
{
    public static SharingPolicy Build(SchedulingOptions options)
    {
        var pools = new PoolMatcher(options.Pools.ToDictionary(
            p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value.NodeLabels, StringComparer.Ordinal));
        var teams = options.TeamQuotas.ToDictionary(
            t => t.Key,
            t => new TeamPolicy(
                string.IsNullOrEmpty(t.Value.Cohort) ? null : t.Value.Cohort, t.Value.Weight,
                t.Value.Pools.ToDictionary(p => p.Key, p => Quota(p.Value), StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var global = new CohortPolicy(options.ReclaimWithinCohort, options.PreemptAcrossTeams);
        var cohorts = options.Cohorts.ToDictionary(
            c => c.Key,
            c => new CohortPolicy(c.Value.ReclaimWithinCohort ?? global.Reclaim, c.Value.PreemptAcrossTeams ?? global.PreemptAcrossTeams),
            StringComparer.Ordinal);
        return new SharingPolicy(pools, teams, cohorts, global, TimeSpan.FromMinutes(options.UsageHalfLifeMinutes));
    }

    private static TeamQuota Quota(QuotaSettings quota)
    {
        var nominal = new Amount(
            quota.Gpus,
            quota.Cpus is { } cpus ? ResourceAmount.ToMilli(cpus) : Amount.Unbounded,
            quota.MemoryMb ?? Amount.Unbounded);
        var borrowing = Limit(quota.BorrowingLimit, Amount.Unlimited);
        var lending = Amount.Min(Limit(quota.LendingLimit, nominal), nominal);
        return new TeamQuota(nominal, borrowing, lending);
    }

    private static Amount Limit(LimitSettings? limit, Amount whenUnset) => limit is null
        ? whenUnset
        : new(
            limit.Gpus ?? whenUnset.Gpus,
            limit.Cpus is { } cpus ? ResourceAmount.ToMilli(cpus) : whenUnset.MilliCpus,
            limit.MemoryMb ?? whenUnset.MemoryMb);
}
