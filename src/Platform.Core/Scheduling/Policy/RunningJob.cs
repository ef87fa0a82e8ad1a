using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>A job that holds resources: running, starting, or stopping after a preemption.</summary>
/// <param name="Allocation">Where its tasks are.</param>
/// <param name="Team">Its team.</param>
/// <param name="Pool">The pool it was admitted in (its usage counts there).</param>
/// <param name="PriorityValue">Its class's value.</param>
/// <param name="Preemptible">Whether its class may be preempted by a higher one.</param>
/// <param name="StartedAt">When it was placed.</param>
/// <param name="ActiveDeadlineSeconds">How long it may run at most, or null: its end cannot be estimated.</param>
/// <param name="Borrowing">Whether it was admitted by borrowing its cohort's quota: such a job may be reclaimed.</param>
/// <param name="StoppingFor">The job it is being preempted for, while it stops within its grace period; null otherwise.</param>
public sealed record RunningJob(
    Allocation Allocation, string Team, string Pool, int PriorityValue, bool Preemptible, DateTimeOffset StartedAt,
    int? ActiveDeadlineSeconds = null, bool Borrowing = false, string? StoppingFor = null)
{
    /// <summary>The job's id.</summary>
    public string JobId => Allocation.JobId;

    /// <summary>When it will have ended at the latest, or null when it has no deadline.</summary>
    public DateTimeOffset? EstimatedEnd => ActiveDeadlineSeconds is { } seconds ? StartedAt.AddSeconds(seconds) : null;
}
