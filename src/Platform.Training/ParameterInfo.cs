namespace Platform.Training;

/// <summary>One trainable tensor: its name (stable across runs: checkpoints match on it) and shape.</summary>
/// <param name="Name">The parameter's name, unique within the model.</param>
/// <param name="Shape">Its dimensions; the tensor is a row-major <c>float[]</c> of <see cref="Length"/> values.</param>
public sealed record ParameterInfo(string Name, int[] Shape)
{
    /// <summary>The number of values: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long Length => Shape.Aggregate(1L, (product, dimension) => product * dimension);
}
