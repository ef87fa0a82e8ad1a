using Platform.Samples.TorchSharpPs.Data;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>The loss of one batch and the test-set evaluation, the same for every mode.</summary>
public static class Batches
{
    private const int EvaluationBatch = 1000;

    /// <summary>Mean cross-entropy of the model on the samples at <paramref name="indices"/>.</summary>
    public static Tensor Loss(Sequential model, Dataset data, ReadOnlySpan<long> indices)
    {
        var (images, labels) = data.Batch(indices);
        return nn.functional.cross_entropy(model.call(images), labels);
    }

    /// <summary>Mean loss and accuracy over the whole of <paramref name="test"/>, in eval mode (no dropout).</summary>
    public static (double Loss, double Accuracy) Evaluate(Sequential model, Dataset test)
    {
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double lossSum = 0;
            long correct = 0;
            for (long start = 0; start < test.Count; start += EvaluationBatch)
            {
                using var scope = NewDisposeScope();
                var count = Math.Min(EvaluationBatch, test.Count - start);
                var indices = Enumerable.Range(0, (int)count).Select(i => start + i).ToArray();
                var (images, labels) = test.Batch(indices);
                var logits = model.call(images);
                lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
                correct += logits.argmax(1).eq(labels).sum().item<long>();
            }

            return (lossSum / test.Count, (double)correct / test.Count);
        }
        finally
        {
            model.train();
        }
    }
}
