using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>A job waiting to be placed, as the planner sees it.</summary>
/// <param name="Request">The job and its tasks; its team is <c>Team</c>, or <c>default</c> when null.</param>
/// <param name="Pool">The pool it runs in (the caller resolves it: the spec's pool, else <c>default</c>).</param>
/// <param name="ActiveDeadlineSeconds">How long it may run at most, or null when unbounded: a job with a deadline may run in a reservation's gap.</param>
/// <param name="Preemptible">Whether its class is preemptible: recorded on its placement for later cycles.</param>
public sealed record QueuedJob(JobRequest Request, string Pool, int? ActiveDeadlineSeconds = null, bool Preemptible = false)
{
    /// <summary>The job's team.</summary>
    public string Team => Request.Team ?? Platform.Contracts.Jobs.JobSpecDefaults.Team;
}
