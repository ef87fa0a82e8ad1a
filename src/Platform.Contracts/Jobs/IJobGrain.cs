using Orleans.Concurrency;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Contracts.Jobs;

/// <summary>Owns one job (key: job id): its spec, state machine, tasks and timeline.</summary>
public interface IJobGrain : IGrainWithStringKey
{
    /// <summary>
    /// Stores a validated spec and queues the job, unless the id is taken: then nothing is stored,
    /// and only the same spec under the same <paramref name="idempotencyKey"/> gets that job back.
    /// </summary>
    /// <param name="by">The user who submitted it, for the timeline.</param>
    Task<JobSubmission> SubmitAsync(JobSpec spec, string? idempotencyKey = null, string? by = null);

    /// <summary>Stores and queues a job the platform runs for <paramref name="owner"/>: unlisted, with secret env. Idempotent.</summary>
    Task<JobView> SubmitOwnedAsync(JobSpec spec, JobOwner owner);

    /// <summary>The job, or null when no job has this id.</summary>
    Task<JobView?> GetAsync();

    Task<IReadOnlyList<JobEvent>> GetEventsAsync();

    /// <summary>Stops every task with its grace period; false when the job had already finished.</summary>
    /// <param name="by">The user who cancelled it: the reason and the timeline name them.</param>
    Task<bool> CancelAsync(string? by = null);

    /// <summary>Like <see cref="CancelAsync"/>, with the reason the job's state and timeline show.</summary>
    Task<bool> StopAsync(string reason);

    /// <summary>The scheduler placed the job. One-way: the scheduler never waits on a job.</summary>
    [OneWay]
    Task PlacedAsync(Allocation allocation);

    /// <summary>The scheduler could not place the job yet, and says why.</summary>
    [OneWay]
    Task PendingAsync(string reason);

    /// <summary>An agent saw a task attempt start, run or exit.</summary>
    Task ReportAsync(TaskObservation observation);

    /// <summary>
    /// Removes a job that finished before <paramref name="finishedBefore"/>: its logs, metrics, state and
    /// index entry. False (and nothing removed) for a job still running or finished later.
    /// </summary>
    Task<bool> PruneAsync(DateTimeOffset finishedBefore);

    /// <summary>The node stopped heartbeating; the job's tasks there are lost. One-way, from the node.</summary>
    [OneWay]
    Task NodeLostAsync(string nodeId);
}
