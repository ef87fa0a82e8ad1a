namespace Platform.Core.Scheduling.Policy;

/// <summary>A snapshot of everything a plan depends on; the plan reads no clock and keeps nothing.</summary>
/// <param name="Policy">Pools, quotas, cohorts, fair share.</param>
/// <param name="Nodes">The ready nodes, with their labels.</param>
/// <param name="Running">Every job that holds resources, stopping ones included.</param>
/// <param name="Queue">The jobs waiting, in any order.</param>
/// <param name="Usage">Each team's decayed usage as last updated; a team not listed has none.</param>
/// <param name="Now">The time of the plan.</param>
public sealed record PlanInput(
    SharingPolicy Policy, IReadOnlyList<PoolNode> Nodes, IReadOnlyList<RunningJob> Running,
    IReadOnlyList<QueuedJob> Queue, IReadOnlyDictionary<string, DecayedUsage> Usage, DateTimeOffset Now);
