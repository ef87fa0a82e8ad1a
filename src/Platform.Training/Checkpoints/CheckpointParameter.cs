namespace Platform.Training.Checkpoints;

/// <summary>One whole parameter in a checkpoint: values and optimizer slots (SGD: momentum; Adam: first, second moment).</summary>
internal sealed record CheckpointParameter(string Name, int[] Shape, float[] Values, IReadOnlyList<float[]> Slots);
