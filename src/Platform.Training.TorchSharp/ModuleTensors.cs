using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Platform.Training.TorchSharp;

/// <summary>
/// A module's trainable parameters as the parameter servers see them: named flat <c>float[]</c>
/// tensors in the module's own order (<see cref="nn.Module.named_parameters(bool)"/>), so every
/// worker that builds the same module agrees on the list.
/// </summary>
public sealed class ModuleTensors
{
    private readonly (string Name, Parameter Parameter)[] _parameters;

    /// <summary>Takes the trainable parameters of <paramref name="module"/> (those that require a gradient).</summary>
    public ModuleTensors(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _parameters = [.. module.named_parameters().Where(named => named.parameter.requires_grad)];
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("The module has no trainable parameters.", nameof(module));
        }

        foreach (var (name, parameter) in _parameters)
        {
            if (parameter.dtype != ScalarType.Float32)
            {
                throw new ArgumentException(
                    $"Parameter '{name}' is {parameter.dtype}; the parameter servers hold float32 tensors only.", nameof(module));
            }
        }
    }

    /// <summary>The parameters' names, in order.</summary>
    public IReadOnlyList<string> Names => [.. _parameters.Select(named => named.Name)];

    /// <summary>The parameters' shapes, in order.</summary>
    public IReadOnlyList<int[]> Shapes => [.. _parameters.Select(named => named.Parameter.shape.Select(CheckedInt).ToArray())];

    /// <summary>The number of parameters (tensors).</summary>
    public int Count => _parameters.Length;

    /// <summary>The number of scalars over all parameters.</summary>
    public long ElementCount => _parameters.Sum(named => named.Parameter.numel());

    /// <summary>The parameters' current values, one flat array each.</summary>
    public float[][] Values() => [.. _parameters.Select(named => ToArray(named.Parameter))];

    /// <summary>
    /// The gradients left by the last <c>backward()</c>, one flat array each; zeros for a parameter
    /// the loss did not reach.
    /// </summary>
    public float[][] Gradients() => [.. _parameters.Select(named =>
        named.Parameter.grad is { } grad ? ToArray(grad) : new float[named.Parameter.numel()])];

    /// <summary>Overwrites the parameters with <paramref name="values"/> (flat, in order), on whatever device they live.</summary>
    public void Load(IReadOnlyList<float[]> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count != _parameters.Length)
        {
            throw new ArgumentException($"Got {values.Count} tensors for {_parameters.Length} parameters.", nameof(values));
        }

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (var i = 0; i < _parameters.Length; i++)
        {
            var (name, parameter) = _parameters[i];
            if (values[i].LongLength != parameter.numel())
            {
                throw new ArgumentException(
                    $"Parameter '{name}' has {parameter.numel()} elements; got {values[i].LongLength}.", nameof(values));
            }

            parameter.copy_(tensor(values[i], parameter.shape));
        }
    }

    private static float[] ToArray(Tensor source)
    {
        using var scope = NewDisposeScope();
        return source.detach().cpu().contiguous().data<float>().ToArray();
    }

    private static int CheckedInt(long dimension) => checked((int)dimension);
}
