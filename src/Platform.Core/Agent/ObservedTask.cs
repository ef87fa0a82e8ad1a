namespace Platform.Core.Agent;

/// <summary>
/// A task attempt as the node's runtime shows it: a container or a host process. It carries its own
/// grace period, so it is stopped right even when its assignment is already gone.
/// </summary>
public sealed record ObservedTask(
    string Id,
    string Runtime,
    string JobId,
    string Task,
    int Attempt,
    bool Running,
    int? ExitCode = null,
    string? Reason = null,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    int? GraceSeconds = null)
{
    public string Key => Contracts.Nodes.TaskKey.Of(JobId, Task);
}
