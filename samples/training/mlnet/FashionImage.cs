using Microsoft.ML.Data;

namespace Platform.Samples.MLNet;

/// <summary>One Fashion-MNIST example: 28 x 28 pixels scaled to [0, 1] and its class (0-9).</summary>
public sealed class FashionImage
{
    public const int PixelCount = 28 * 28;

    [VectorType(PixelCount)]
    public float[] Pixels { get; set; } = [];

    public uint Label { get; set; }
}
