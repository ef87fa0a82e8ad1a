using Platform.Contracts.Nodes;

namespace Platform.Core.Agent;

/// <summary>What an agent must do to make its node match the desired tasks.</summary>
public sealed record ReconcilePlan(
    IReadOnlyList<TaskAssignment> ToStart,
    IReadOnlyList<ObservedTask> ToStop,
    IReadOnlyList<ObservedTask> ToRemove,
    IReadOnlyList<ObservedTask> ToHalt,
    IReadOnlyList<(TaskAssignment Desired, ObservedTask Observed)> Current);
