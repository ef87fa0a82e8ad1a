namespace Platform.Core.Agent;

/// <summary>A task attempt as the node's runtime shows it: a container or a host process.</summary>
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
    DateTimeOffset? FinishedAt = null)
{
    public string Key => Contracts.Nodes.TaskKey.Of(JobId, Task);
}
