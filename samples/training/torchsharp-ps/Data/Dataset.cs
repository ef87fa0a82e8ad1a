using static TorchSharp.torch;

namespace Platform.Samples.TorchSharpPs.Data;

/// <summary>
/// Images (uint8, N×1×28×28) and labels (int64, N) held as CPU tensors; batches are made by index
/// and moved to <see cref="Device"/>.
/// </summary>
public sealed class Dataset(Tensor images, Tensor labels) : IDisposable
{
    // Fashion-MNIST's training-set pixel mean and standard deviation (of values scaled to [0, 1]).
    private const double Mean = 0.2860;
    private const double Std = 0.3530;

    public long Count => labels.shape[0];

    /// <summary>Where batches go: the GPU when libtorch has one (a CUDA build of the image), else the CPU.</summary>
    public static Device Device { get; } = cuda.is_available() ? CUDA : CPU;

    /// <summary>Normalised images (float32, B×1×28×28) and their labels for the given sample indices.</summary>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<long> indices)
    {
        using var index = tensor(indices.ToArray());
        var x = images.index_select(0, index).to(Device).to_type(ScalarType.Float32).div_(255).sub_(Mean).div_(Std);
        return (x, labels.index_select(0, index).to(Device));
    }

    public void Dispose()
    {
        images.Dispose();
        labels.Dispose();
    }
}
