namespace Platform.Training.TorchSharp;

/// <summary>What one <see cref="DistributedTrainer.StepAsync"/> did.</summary>
/// <param name="Step">The step whose parameters the gradient was computed from.</param>
/// <param name="Loss">The loss of this task's batch.</param>
/// <param name="NextStep">The step the parameter servers reported after the push (lower than <paramref name="Step"/> after a rollback to a checkpoint).</param>
public sealed record TrainedStep(long Step, float Loss, long NextStep);
