namespace Platform.Core.Scheduling.Policy;

/// <summary>What preemption a cohort allows (the global settings where the cohort sets none).</summary>
/// <param name="Reclaim">Whether a team within its nominal quota preempts borrowers of the cohort.</param>
/// <param name="PreemptAcrossTeams">Whether a higher class preempts lower, preemptible classes of other teams of the cohort.</param>
public sealed record CohortPolicy(ReclaimWithinCohort Reclaim, bool PreemptAcrossTeams);
