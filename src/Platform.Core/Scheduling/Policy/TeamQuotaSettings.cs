namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// How one team shares the cluster, <c>Platform:Scheduling:TeamQuotas:{team}</c>: its quotas per
/// pool, its cohort and its fair-share weight. A team with no entry is not limited by quota and
/// borrows from nobody; a listed team has a nominal of 0 in every pool it does not list.
/// </summary>
public sealed class TeamQuotaSettings
{
    /// <summary>The default <see cref="Weight"/>: 1.</summary>
    public const double DefaultWeight = 1;

    /// <summary>
    /// The cohort whose members borrow each other's unused, lendable quota; null: the team borrows
    /// from nobody and lends to nobody. Default null.
    /// </summary>
    public string? Cohort { get; set; }

    /// <summary>The team's fair-share weight: a team of weight 2 is due twice the share of one of weight 1. Default 1.</summary>
    public double Weight { get; set; } = DefaultWeight;

    /// <summary>The team's quota per pool name (<c>default</c> included).</summary>
    public Dictionary<string, QuotaSettings> Pools { get; set; } = new(StringComparer.Ordinal);
}
