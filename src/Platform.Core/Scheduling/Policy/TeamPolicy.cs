namespace Platform.Core.Scheduling.Policy;

/// <summary>What the policy says about one listed team.</summary>
/// <param name="Cohort">Its cohort, or null when it borrows from and lends to nobody.</param>
/// <param name="Weight">Its fair-share weight, above 0.</param>
/// <param name="Quotas">Its quota per pool; a pool not listed has <see cref="TeamQuota.None"/>.</param>
public sealed record TeamPolicy(string? Cohort, double Weight, IReadOnlyDictionary<string, TeamQuota> Quotas);
