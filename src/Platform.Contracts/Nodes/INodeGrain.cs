namespace Platform.Contracts.Nodes;

/// <summary>One worker machine (key: node id): capacity, desired tasks, observed tasks, heartbeat.</summary>
public interface INodeGrain : IGrainWithStringKey
{
    /// <summary>The agent announces itself and what the node offers.</summary>
    Task RegisterAsync(Scheduling.NodeCapacity capacity);

    /// <summary>The tasks the agent must run now.</summary>
    Task<IReadOnlyList<TaskAssignment>> GetDesiredAsync();

    /// <summary>The agent is alive and sees these tasks.</summary>
    Task HeartbeatAsync(IReadOnlyList<TaskObservation> observed);

    /// <summary>Adds or replaces (by job and task) assignments, and records their GPUs' holder.</summary>
    Task AssignAsync(IReadOnlyList<TaskAssignment> assignments);

    /// <summary>Removes a job's assignments; the agent stops and removes their containers.</summary>
    Task UnassignJobAsync(string jobId);

    /// <summary>
    /// Marks a finished job's assignments stopped and frees their GPUs; the agent stops the
    /// containers and keeps them until <paramref name="removeAfter"/> (ttlSecondsAfterFinished).
    /// </summary>
    Task RetireJobAsync(string jobId, DateTimeOffset removeAfter);

    Task<NodeView?> GetViewAsync();
}
