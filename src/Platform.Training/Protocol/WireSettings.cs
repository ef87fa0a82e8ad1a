namespace Platform.Training.Protocol;

/// <summary>Converts settings between the public types and the wire messages.</summary>
internal static class WireSettings
{
    public static Optimizer ToWire(OptimizerSettings settings) => new()
    {
        Type = settings.Kind == OptimizerKind.Adam ? OptimizerType.Adam : OptimizerType.Sgd,
        LearningRate = settings.LearningRate,
        Momentum = settings.Momentum,
        WeightDecay = settings.WeightDecay,
        Beta1 = settings.Beta1,
        Beta2 = settings.Beta2,
        Epsilon = settings.Epsilon,
    };

    public static OptimizerSettings FromWire(Optimizer optimizer) => new(optimizer.LearningRate, optimizer.Momentum, optimizer.WeightDecay)
    {
        Kind = optimizer.Type == OptimizerType.Adam ? OptimizerKind.Adam : OptimizerKind.Sgd,
        Beta1 = optimizer.Beta1,
        Beta2 = optimizer.Beta2,
        Epsilon = optimizer.Epsilon,
    };

    public static Mode ToWire(UpdateMode mode) => mode == UpdateMode.Asynchronous ? Mode.Asynchronous : Mode.Synchronous;

    public static UpdateMode FromWire(Mode mode) => mode == Mode.Asynchronous ? UpdateMode.Asynchronous : UpdateMode.Synchronous;
}
