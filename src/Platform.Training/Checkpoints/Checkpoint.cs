namespace Platform.Training.Checkpoints;

/// <summary>Everything needed to resume training: every parameter with its optimizer state, and the step.</summary>
internal sealed record Checkpoint(long Step, OptimizerKind Optimizer, IReadOnlyList<CheckpointParameter> Parameters);
