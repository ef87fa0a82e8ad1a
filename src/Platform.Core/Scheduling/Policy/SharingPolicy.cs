using System.Collections.Frozen;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// The sharing policy in force: pools, team quotas, cohorts, fair-share weights and the usage
/// half-life. Built from checked <see cref="SchedulingOptions"/> by <see cref="SchedulingOptions.SharingPolicy"/>.
/// Immutable; every lookup is a dictionary read.
/// </summary>
public sealed class SharingPolicy
{
    private readonly FrozenDictionary<string, TeamPolicy> _teams;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _members;
    private readonly FrozenDictionary<string, CohortPolicy> _cohorts;
    private readonly CohortPolicy _global;

    /// <param name="pools">Which pool each node belongs to.</param>
    /// <param name="teams">The listed teams; any other team is unlimited and in no cohort.</param>
    /// <param name="cohorts">Per-cohort preemption settings; a cohort not listed takes <paramref name="global"/>.</param>
    /// <param name="global">The preemption settings of a cohort that sets none.</param>
    /// <param name="usageHalfLife">How fast past usage stops counting toward fair share.</param>
    public SharingPolicy(
        PoolMatcher pools, IReadOnlyDictionary<string, TeamPolicy> teams,
        IReadOnlyDictionary<string, CohortPolicy> cohorts, CohortPolicy global, TimeSpan usageHalfLife)
    {
        Pools = pools;
        _teams = teams.ToFrozenDictionary(StringComparer.Ordinal);
        _cohorts = cohorts.ToFrozenDictionary(StringComparer.Ordinal);
        _global = global;
        UsageHalfLife = usageHalfLife;
        _members = teams.Where(t => t.Value.Cohort is not null)
            .GroupBy(t => t.Value.Cohort!, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(t => t.Key).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
    }

    /// <summary>No pools but <c>default</c>, no quotas, reclaim <see cref="ReclaimWithinCohort.Any"/>, a half-life of 60 minutes.</summary>
    public static SharingPolicy Open { get; } = new SchedulingOptions().SharingPolicy();

    /// <summary>Which pool each node belongs to.</summary>
    public PoolMatcher Pools { get; }

    /// <summary>How fast past usage stops counting toward fair share.</summary>
    public TimeSpan UsageHalfLife { get; }

    /// <summary>The quota of <paramref name="team"/> in <paramref name="pool"/>.</summary>
    public TeamQuota QuotaOf(string team, string pool) =>
        !_teams.TryGetValue(team, out var policy) ? TeamQuota.Unlimited
        : policy.Quotas.TryGetValue(pool, out var quota) ? quota
        : TeamQuota.None;

    /// <summary>The cohort of <paramref name="team"/>, or null.</summary>
    public string? CohortOf(string team) => _teams.TryGetValue(team, out var policy) ? policy.Cohort : null;

    /// <summary>The teams of <paramref name="cohort"/>, in name order.</summary>
    public IReadOnlyList<string> Members(string cohort) => _members.GetValueOrDefault(cohort) ?? [];

    /// <summary>The fair-share weight of <paramref name="team"/>.</summary>
    public double WeightOf(string team) => _teams.TryGetValue(team, out var policy) ? policy.Weight : TeamQuotaSettings.DefaultWeight;

    /// <summary>What preemption the cohort of <paramref name="team"/> allows; a team in no cohort gets the global settings.</summary>
    public CohortPolicy PreemptionOf(string team) =>
        CohortOf(team) is { } cohort && _cohorts.TryGetValue(cohort, out var policy) ? policy : _global;

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are one team or share a cohort.</summary>
    public bool SameCohort(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (CohortOf(a) is { } cohort && string.Equals(cohort, CohortOf(b), StringComparison.Ordinal));
}
