using Platform.Contracts.Jobs;

namespace Platform.Contracts.Scheduling;

/// <summary>
/// The single writer of allocations for one resource pool. Places whole jobs (gang), persists each
/// allocation before telling the job, and keeps the queue of jobs that do not fit yet.
/// </summary>
public interface ISchedulerGrain : IGrainWithStringKey
{
    Task RegisterNodeAsync(NodeCapacity node);

    /// <summary>
    /// Queues a job and tries to place it now. Returns the pending reason, or null when placed. A
    /// request of a newer generation waits until the job's previous allocation is released.
    /// </summary>
    Task<string?> EnqueueAsync(JobRequest request);

    /// <summary>
    /// Drops a job's queued request, and its allocation of <paramref name="generation"/> when given
    /// (a job that ended before anything of it ran); then places waiting jobs.
    /// </summary>
    Task ReleaseAsync(string jobId, int? generation);

    /// <summary>
    /// Frees what a job's allocation of <paramref name="generation"/> holds on one node, once its
    /// containers there have stopped; the allocation ends when no node holds any of it.
    /// </summary>
    Task ReleaseNodeAsync(string jobId, int generation, string nodeId);

    /// <summary>
    /// A node stopped heartbeating: nothing new is placed on it. What it held stays allocated until
    /// the node releases it (<see cref="ReleaseNodeAsync"/>): its tasks may still run.
    /// </summary>
    Task NodeLostAsync(string nodeId);

    /// <summary>
    /// Takes a node's capacity out of placement (<paramref name="draining"/>) or puts it back, then
    /// tries the queue again: jobs waiting for that node learn why, or are placed. What the node
    /// already holds stays allocated.
    /// </summary>
    Task SetDrainingAsync(string nodeId, bool draining);

    Task<IReadOnlyList<NodeCapacity>> GetNodesAsync();

    /// <summary>The queued jobs in the order they are tried, with the pending count per team.</summary>
    Task<QueueView> GetQueueAsync();

    /// <summary>Re-sends every allocation to its job; called at start so no accepted job is forgotten.</summary>
    Task ResumeAsync();
}
