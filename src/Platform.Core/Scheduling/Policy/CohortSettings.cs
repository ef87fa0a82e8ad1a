namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// What preemption one cohort allows, <c>Platform:Scheduling:Cohorts:{cohort}</c>; a value left
/// null takes the global one of <see cref="SchedulingOptions"/>.
/// </summary>
public sealed class CohortSettings
{
    /// <summary>Whether and what a team within its nominal quota preempts to take back borrowed quota. Default null (global).</summary>
    public ReclaimWithinCohort? ReclaimWithinCohort { get; set; }

    /// <summary>Whether a higher priority class preempts lower, preemptible ones of other teams of the cohort. Default null (global).</summary>
    public bool? PreemptAcrossTeams { get; set; }
}
