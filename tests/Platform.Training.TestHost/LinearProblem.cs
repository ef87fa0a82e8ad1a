namespace Platform.Training.TestHost;

/// <summary>
/// A deterministic synthetic task: multi-output linear regression <c>y = W x + b</c> with a known W and b.
/// The batch of a (step, rank) pair depends only on them, so a replayed step sees the same data and a
/// single process can compute exactly what the distributed run should.
/// </summary>
public sealed class LinearProblem(int inputs = 16, int outputs = 4, int batch = 8)
{
    public IReadOnlyList<ParameterInfo> Parameters { get; } = [new("linear.weight", [outputs, inputs]), new("linear.bias", [outputs])];

    public float[][] InitialValues()
    {
        var random = new SplitMix(12345);
        return [[.. Enumerable.Range(0, outputs * inputs).Select(_ => random.NextSigned() * 0.1f)], new float[outputs]];
    }

    /// <summary>The mean-squared-error gradient (halved) of this rank's batch for this step.</summary>
    public float[][] Gradient(IReadOnlyList<float[]> values, long step, int rank)
    {
        var (weight, bias) = (values[0], values[1]);
        var gradWeight = new float[weight.Length];
        var gradBias = new float[bias.Length];
        foreach (var (x, y) in Batch(step, rank))
        {
            for (var o = 0; o < outputs; o++)
            {
                var residual = Predict(weight, bias, x, o) - y[o];
                gradBias[o] += residual / batch;
                for (var i = 0; i < inputs; i++)
                {
                    gradWeight[(o * inputs) + i] += residual * x[i] / batch;
                }
            }
        }

        return [gradWeight, gradBias];
    }

    /// <summary>Mean squared error (halved) over a fixed evaluation set.</summary>
    public double Loss(IReadOnlyList<float[]> values)
    {
        double total = 0;
        var count = 0;
        for (var rank = 0; rank < 4; rank++)
        {
            foreach (var (x, y) in Batch(-1, rank))
            {
                for (var o = 0; o < outputs; o++)
                {
                    var residual = Predict(values[0], values[1], x, o) - y[o];
                    total += 0.5 * residual * residual;
                }

                count++;
            }
        }

        return total / count;
    }

    private float Predict(float[] weight, float[] bias, float[] x, int output)
    {
        var sum = bias[output];
        for (var i = 0; i < inputs; i++)
        {
            sum += weight[(output * inputs) + i] * x[i];
        }

        return sum;
    }

    private IEnumerable<(float[] X, float[] Y)> Batch(long step, int rank)
    {
        var random = new SplitMix((ulong)((step * 1000) + rank + 7));
        for (var sample = 0; sample < batch; sample++)
        {
            var x = Enumerable.Range(0, inputs).Select(_ => random.NextSigned()).ToArray();
            var y = new float[outputs];
            for (var o = 0; o < outputs; o++)
            {
                y[o] = TrueBias(o) + (0.01f * random.NextSigned());
                for (var i = 0; i < inputs; i++)
                {
                    y[o] += TrueWeight(o, i) * x[i];
                }
            }

            yield return (x, y);
        }
    }

    private static float TrueWeight(int output, int input) => MathF.Sin((output * 7) + input) * 0.5f;

    private static float TrueBias(int output) => 0.25f * (output - 1);

    /// <summary>A tiny seeded generator whose sequence does not depend on the runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public float NextSigned()
        {
            _state += 0x9E3779B97F4A7C15;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            z ^= z >> 31;
            return ((z >> 40) / (float)(1UL << 24) * 2) - 1;
        }
    }
}
