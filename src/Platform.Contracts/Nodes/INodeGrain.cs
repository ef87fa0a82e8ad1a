namespace Platform.Contracts.Nodes;

/// <summary>One worker machine (key: node id): capacity, desired tasks, observed tasks, heartbeat.</summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>The agent announces itself and what the node offers.</summary>
    Task RegisterAsync(Scheduling.NodeCapacity capacity);

    /// <summary>The tasks the agent must run now.</summary>
    Task<IReadOnlyList<TaskAssignment>> GetDesiredAsync();

    /// <summary>
    /// The agent is alive and sees these tasks (every container or process of the node). A job
    /// whose tasks were retired frees its GPUs here, once none of them runs any more.
    /// </summary>
    Task HeartbeatAsync(IReadOnlyList<TaskObservation> observed);

    /// <summary>Adds or replaces (by job and task) assignments, and records their GPUs' holder.</summary>
    Task AssignAsync(IReadOnlyList<TaskAssignment> assignments);

    /// <summary>
    /// Marks a job's assignments of generation <paramref name="generation"/> stopped: the agent stops
    /// the containers and removes them after <paramref name="removeAfter"/> (ttlSecondsAfterFinished).
    /// Their GPUs and the job's allocation on this node are released once no container of them runs.
    /// </summary>
    Task RetireJobAsync(string jobId, int generation, DateTimeOffset removeAfter);

    /// <summary>Watches the heartbeat: a node silent past the grace period turns Lost. One-way, from the scheduler.</summary>
    [Orleans.Concurrency.OneWay]
    Task WatchAsync();

    Task<NodeView?> GetViewAsync();

    /// <summary>
    /// Cordons the node (Kubernetes' <c>kubectl cordon</c>): the scheduler places nothing new on it,
    /// and the tasks already there keep running until their jobs end (nothing is evicted). Kept in the
    /// node's state, so it survives restarts, heartbeats and a Lost node's return. Draining a node that
    /// drains already changes nothing. Null for a node that never registered.
    /// </summary>
    /// <param name="by">The user who asked, recorded on the node and logged.</param>
    Task<NodeView?> DrainAsync(string by);

    /// <summary>Makes a draining node placeable again and wakes the queue. Null for a node that never registered.</summary>
    /// <param name="by">The user who asked, recorded on the node and logged.</param>
    Task<NodeView?> UndrainAsync(string by);

    /// <summary>The agent read its GPUs' utilisation; each GPU slot keeps its latest.</summary>
    Task ReportUtilisationAsync(IReadOnlyList<GpuUtilisation> utilisation);

    /// <summary>The agent reports the framework images the node has (all of them, replacing what it said before).</summary>
    Task ReportImagesAsync(IReadOnlyList<NodeImage> images);

    /// <summary>The framework images the node's agent last reported.</summary>
    Task<IReadOnlyList<NodeImage>> GetImagesAsync();
}
