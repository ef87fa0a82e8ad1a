using Platform.Samples.TorchSharpPs.Data;
using TorchSharp.Modules;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>Test-set loss and accuracy, reported as an <c>@metric</c> line.</summary>
public static class Evaluation
{
    public static double Report(Sequential model, Dataset test, long step, MetricLine metrics)
    {
        var result = metrics.Pause(() => Batches.Evaluate(model, test));
        metrics.Print(step, result);
        return result.Accuracy;
    }
}
