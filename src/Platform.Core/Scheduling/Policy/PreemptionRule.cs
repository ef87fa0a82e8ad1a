namespace Platform.Core.Scheduling.Policy;

/// <summary>Why a job may preempt another.</summary>
public enum PreemptionRule
{
    /// <summary>The preemptor stays within its team's nominal quota and the victim borrows beyond its own (in one cohort).</summary>
    Reclaim,

    /// <summary>The preemptor's class is higher and the victim's class is preemptible.</summary>
    Priority,
}
