namespace Platform.Core.Jobs.Lifecycle;

/// <summary>
/// Whether a task that exited is restarted and, when it is not and the exit fails the job, why.
/// </summary>
/// <param name="Restart">True when the task is started again.</param>
/// <param name="FailureReason">Why the job fails; null when it restarts or the exit was a success.</param>
public sealed record RestartDecision(bool Restart, string? FailureReason);
