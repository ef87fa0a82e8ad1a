namespace Platform.Training.Optimization;

/// <summary>
/// The element-wise update rules, applied by a parameter server to its whole shard at once. The same code
/// serves tests as the single-process reference, so a distributed run can be compared to it exactly.
/// </summary>
internal static class OptimizerRule
{
    /// <summary>How many arrays of state, each as long as the values, the rule keeps.</summary>
    public static int SlotCount(OptimizerKind kind) => kind == OptimizerKind.Adam ? 2 : 1;

    /// <summary>Checks settings before a parameter server is initialized with them; null when they are fine.</summary>
    public static string? Problem(OptimizerSettings settings) => settings switch
    {
        { LearningRate: <= 0 or float.NaN or float.PositiveInfinity } => $"Optimizer.LearningRate is {settings.LearningRate}; it must be a positive number.",
        { Momentum: < 0 or >= 1 or float.NaN } => $"Optimizer.Momentum is {settings.Momentum}; it must be in [0, 1).",
        { WeightDecay: < 0 or float.NaN or float.PositiveInfinity } => $"Optimizer.WeightDecay is {settings.WeightDecay}; it must be 0 or more.",
        { Kind: OptimizerKind.Adam, Beta1: < 0 or >= 1 or float.NaN } => $"Optimizer.Beta1 is {settings.Beta1}; it must be in [0, 1).",
        { Kind: OptimizerKind.Adam, Beta2: < 0 or >= 1 or float.NaN } => $"Optimizer.Beta2 is {settings.Beta2}; it must be in [0, 1).",
        { Kind: OptimizerKind.Adam, Epsilon: <= 0 or float.NaN } => $"Optimizer.Epsilon is {settings.Epsilon}; it must be positive.",
        { Kind: not (OptimizerKind.Sgd or OptimizerKind.Adam) } => $"Optimizer.Kind {settings.Kind} is not supported.",
        _ => null,
    };

    /// <summary>
    /// Applies one update in place. <paramref name="updateNumber"/> counts updates from 1 (Adam's bias
    /// correction); the parameter servers pass their step after the update.
    /// </summary>
    public static void Apply(OptimizerSettings settings, Span<float> values, ReadOnlySpan<float> gradient, float[][] slots, long updateNumber)
    {
        if (gradient.Length != values.Length)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values; the parameters {values.Length}.", nameof(gradient));
        }

        if (settings.Kind == OptimizerKind.Adam)
        {
            Adam(settings, values, gradient, slots[0], slots[1], updateNumber);
        }
        else
        {
            Sgd(settings, values, gradient, slots[0]);
        }
    }

    private static void Sgd(OptimizerSettings settings, Span<float> values, ReadOnlySpan<float> gradient, Span<float> momentum)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var g = gradient[i] + (settings.WeightDecay * values[i]);
            var buffer = (settings.Momentum * momentum[i]) + g;
            momentum[i] = buffer;
            values[i] -= settings.LearningRate * buffer;
        }
    }

    private static void Adam(OptimizerSettings settings, Span<float> values, ReadOnlySpan<float> gradient, Span<float> first, Span<float> second, long updateNumber)
    {
        var correction1 = 1 - Math.Pow(settings.Beta1, updateNumber);
        var correction2 = 1 - Math.Pow(settings.Beta2, updateNumber);
        var stepSize = (float)(settings.LearningRate / correction1);
        var root2 = (float)Math.Sqrt(correction2);
        for (var i = 0; i < values.Length; i++)
        {
            var g = gradient[i] + (settings.WeightDecay * values[i]);
            first[i] = (settings.Beta1 * first[i]) + ((1 - settings.Beta1) * g);
            second[i] = (settings.Beta2 * second[i]) + ((1 - settings.Beta2) * g * g);
            var denominator = (MathF.Sqrt(second[i]) / root2) + settings.Epsilon;
            values[i] -= stepSize * first[i] / denominator;
        }
    }
}
