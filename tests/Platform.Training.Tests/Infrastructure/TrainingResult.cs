namespace Platform.Training.Tests.Infrastructure;

/// <summary>What the test host's chief writes at the end: the final step, loss and parameter values.</summary>
public sealed record TrainingResult(long Step, double Loss, float[][] Values);
