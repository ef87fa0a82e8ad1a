using Platform.Contracts.Jobs;

namespace Platform.Contracts.Scheduling;

/// <summary>
/// The single writer of allocations for one resource pool. Places whole jobs (gang), persists each
/// allocation before telling the job, and keeps the queue of jobs that do not fit yet.
/// </summary>
public interface ISchedulerGrain : IGrainWithStringKey
{
    Task RegisterNodeAsync(NodeCapacity node);

    /// <summary>Queues a job and tries to place it now. Returns the pending reason, or null when placed.</summary>
    Task<string?> EnqueueAsync(JobRequest request);

    /// <summary>Frees a job's allocation (or drops it from the queue) and places waiting jobs.</summary>
    Task ReleaseAsync(string jobId);

    Task<IReadOnlyList<NodeCapacity>> GetNodesAsync();

    /// <summary>Re-sends every allocation to its job; called at start so no accepted job is forgotten.</summary>
    Task ResumeAsync();
}
