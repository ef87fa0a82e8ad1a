namespace Platform.Core.Scheduling.Policy;

/// <summary>A job to stop (within its grace period) and queue again, so that another can run.</summary>
/// <param name="VictimJobId">The job to stop.</param>
/// <param name="ByJobId">The job it makes room for.</param>
/// <param name="Rule">Why it may be preempted.</param>
/// <param name="Reason">What its pending reason becomes: <c>Preempted by {job}</c>.</param>
public sealed record Preemption(string VictimJobId, string ByJobId, PreemptionRule Rule, string Reason);
