namespace Platform.Core.Scheduling.Policy;

/// <summary>Nodes held for a job that does not fit yet: nothing may start there that could delay it.</summary>
/// <param name="JobId">The job they are held for.</param>
/// <param name="Pool">Their pool.</param>
/// <param name="NodeIds">The nodes, in id order.</param>
/// <param name="EstimatedStart">When the job should fit there, from the deadlines of what runs there; null when some end is unknown.</param>
public sealed record Reservation(string JobId, string Pool, IReadOnlyList<string> NodeIds, DateTimeOffset? EstimatedStart);
