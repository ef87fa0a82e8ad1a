namespace Platform.Training;

/// <summary>The optimizer the parameter servers apply to averaged (synchronous) or single (asynchronous) gradients.</summary>
/// <param name="LearningRate">Step size; must be positive.</param>
/// <param name="Momentum">SGD momentum in [0, 1); 0 is plain SGD.</param>
/// <param name="WeightDecay">L2 penalty added to the gradient (<c>g + WeightDecay * p</c>); 0 for none.</param>
public sealed record OptimizerSettings(float LearningRate, float Momentum = 0.9f, float WeightDecay = 0f)
{
    /// <summary>The update rule; <see cref="OptimizerKind.Sgd"/> unless made with <see cref="Adam"/>.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Sgd;

    /// <summary>Adam's decay of the first moment.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>Adam's decay of the second moment.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>Adam's term added to the denominator.</summary>
    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>SGD with momentum (PyTorch semantics: <c>buf = momentum * buf + g; p -= lr * buf</c>).</summary>
    public static OptimizerSettings Sgd(float learningRate, float momentum = 0.9f, float weightDecay = 0f) =>
        new(learningRate, momentum, weightDecay);

    /// <summary>Adam (PyTorch semantics, bias-corrected; the step count is the parameter server's step).</summary>
    public static OptimizerSettings Adam(float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0f) =>
        new(learningRate, 0f, weightDecay) { Kind = OptimizerKind.Adam, Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon };
}
