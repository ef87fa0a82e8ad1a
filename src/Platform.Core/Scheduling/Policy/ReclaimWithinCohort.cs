namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Whether a job within its team's nominal quota may take back, by preemption, what other teams of
/// its cohort borrow (Kueue's <c>reclaimWithinCohort</c>).
/// </summary>
public enum ReclaimWithinCohort
{
    /// <summary>Borrowed quota is never taken back by preemption: the lender waits until borrowers end.</summary>
    Never,

    /// <summary>Only borrowing jobs of a lower priority value than the reclaiming job are preempted.</summary>
    LowerPriority,

    /// <summary>Any borrowing job is preempted, whatever its priority.</summary>
    Any,
}
