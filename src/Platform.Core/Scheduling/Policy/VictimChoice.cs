namespace Platform.Core.Scheduling.Policy;

/// <summary>The jobs to preempt so that a job fits, each with the rule that allows it.</summary>
/// <param name="Victims">The jobs, youngest first.</param>
/// <param name="Rules">The rule of each victim, in the same order.</param>
public sealed record VictimChoice(IReadOnlyList<RunningJob> Victims, IReadOnlyList<PreemptionRule> Rules);
