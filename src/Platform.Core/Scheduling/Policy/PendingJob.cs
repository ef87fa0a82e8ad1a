namespace Platform.Core.Scheduling.Policy;

/// <summary>A queued job the plan leaves waiting, and why.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Pool">Its pool.</param>
/// <param name="Position">Its place among the jobs of its pool still waiting after the plan, 1-based, in the order they were tried.</param>
/// <param name="Reason">Why it waits: the blocking resource, the quota, the reservation or the priority, in words.</param>
public sealed record PendingJob(string JobId, string Pool, int Position, string Reason);
