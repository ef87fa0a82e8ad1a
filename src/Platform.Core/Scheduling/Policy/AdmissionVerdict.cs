namespace Platform.Core.Scheduling.Policy;

/// <summary>What the quotas say about a job.</summary>
public enum AdmissionVerdict
{
    /// <summary>The team stays within its nominal quota.</summary>
    WithinNominal,

    /// <summary>The team goes beyond its nominal quota by borrowing its cohort's unused, lendable quota.</summary>
    Borrowing,

    /// <summary>Not now: the team's quota, borrowing limit or cohort has no room; it may have later.</summary>
    OverQuota,

    /// <summary>Never: the job is larger than the pool, or than all the team may ever use there.</summary>
    Never,
}
