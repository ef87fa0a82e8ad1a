using Platform.Core.Jobs.Spec;

namespace Platform.Core.Scheduling.Policy;

/// <summary>Every bad value of the sharing settings (pools, team quotas, cohorts, fair share), each naming its key.</summary>
internal static class SharingSettingsCheck
{
    public static void AddProblems(SchedulingOptions options, List<string> problems)
    {
        var section = SchedulingOptions.Section;
        if (options.UsageHalfLifeMinutes is not (> 0 and <= SchedulingOptions.MaxUsageHalfLifeMinutes) || double.IsNaN(options.UsageHalfLifeMinutes))
        {
            problems.Add($"{section}:UsageHalfLifeMinutes must be above 0 and at most {SchedulingOptions.MaxUsageHalfLifeMinutes}, got {options.UsageHalfLifeMinutes}.");
        }

        foreach (var (name, pool) in options.Pools)
        {
            CheckPool(problems, $"{section}:Pools:{name}", name, pool);
        }

        var cohortsInUse = options.TeamQuotas.Values.Select(t => t.Cohort).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var name in options.Cohorts.Keys.Where(c => !cohortsInUse.Contains(c)))
        {
            problems.Add($"{section}:Cohorts:{name} configures a cohort no team belongs to; cohorts in use: {Known(cohortsInUse)}.");
        }

        var pools = options.Pools.Keys.Append(PoolMatcher.DefaultPool).ToHashSet(StringComparer.Ordinal);
        foreach (var (team, settings) in options.TeamQuotas)
        {
            CheckTeam(problems, $"{section}:TeamQuotas:{team}", settings, pools);
        }
    }

    private static void CheckPool(List<string> problems, string key, string name, PoolSettings pool)
    {
        if (!JobSpecReader.DnsLabel().IsMatch(name))
        {
            problems.Add($"{key}: the pool name '{name}' is not a lowercase DNS label (1 to 63 characters of a-z, 0-9 and '-').");
        }

        if (name == PoolMatcher.DefaultPool)
        {
            problems.Add($"{key}: the pool '{PoolMatcher.DefaultPool}' takes every node no other pool matches and has no labels; configure another name.");
        }
        else if (pool.NodeLabels.Count == 0)
        {
            problems.Add($"{key}:NodeLabels is empty; a pool needs at least one label a node must carry.");
        }

        foreach (var (label, value) in pool.NodeLabels.Where(l => string.IsNullOrWhiteSpace(l.Key) || string.IsNullOrWhiteSpace(l.Value)))
        {
            problems.Add($"{key}:NodeLabels:{label} has an empty key or value '{value}'.");
        }
    }

    private static void CheckTeam(List<string> problems, string key, TeamQuotaSettings team, HashSet<string> pools)
    {
        if (team.Cohort is { Length: > 0 } cohort && !JobSpecReader.DnsLabel().IsMatch(cohort))
        {
            problems.Add($"{key}:Cohort '{cohort}' is not a lowercase DNS label (1 to 63 characters of a-z, 0-9 and '-').");
        }

        if (team.Weight is not (> 0 and <= SchedulingOptions.MaxWeight) || double.IsNaN(team.Weight))
        {
            problems.Add($"{key}:Weight must be above 0 and at most {SchedulingOptions.MaxWeight}, got {team.Weight}.");
        }

        foreach (var (pool, quota) in team.Pools)
        {
            var at = $"{key}:Pools:{pool}";
            if (!pools.Contains(pool))
            {
                problems.Add($"{at} names a pool that is not configured; pools: {Known(pools)}.");
            }

            CheckQuota(problems, at, quota);
        }
    }

    private static void CheckQuota(List<string> problems, string key, QuotaSettings quota)
    {
        NonNegative(problems, $"{key}:Gpus", quota.Gpus);
        NonNegative(problems, $"{key}:Cpus", quota.Cpus);
        NonNegative(problems, $"{key}:MemoryMb", quota.MemoryMb);
        if (quota.BorrowingLimit is { } borrowing)
        {
            NonNegative(problems, $"{key}:BorrowingLimit:Gpus", borrowing.Gpus);
            NonNegative(problems, $"{key}:BorrowingLimit:Cpus", borrowing.Cpus);
            NonNegative(problems, $"{key}:BorrowingLimit:MemoryMb", borrowing.MemoryMb);
        }

        if (quota.LendingLimit is { } lending)
        {
            NonNegative(problems, $"{key}:LendingLimit:Gpus", lending.Gpus);
            NonNegative(problems, $"{key}:LendingLimit:Cpus", lending.Cpus);
            NonNegative(problems, $"{key}:LendingLimit:MemoryMb", lending.MemoryMb);
            AtMost(problems, $"{key}:LendingLimit:Gpus", lending.Gpus, quota.Gpus, $"{key}:Gpus");
            AtMost(problems, $"{key}:LendingLimit:Cpus", lending.Cpus, quota.Cpus, $"{key}:Cpus");
            AtMost(problems, $"{key}:LendingLimit:MemoryMb", lending.MemoryMb, quota.MemoryMb, $"{key}:MemoryMb");
        }
    }

    private static void NonNegative(List<string> problems, string key, double? value)
    {
        if (value is { } v && (v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
        {
            problems.Add($"{key} must be a number of at least 0, got {v}.");
        }
    }

    private static void AtMost(List<string> problems, string key, double? value, double? nominal, string nominalKey)
    {
        if (value is { } v && nominal is { } n && v > n)
        {
            problems.Add($"{key} is {v}, more than the nominal {nominalKey} {n}: a team lends only its own unused quota.");
        }
    }

    private static string Known(IEnumerable<string> names)
    {
        var list = names.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
