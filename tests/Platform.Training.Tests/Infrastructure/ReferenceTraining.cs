using Platform.Training.Optimization;
using Platform.Training.TestHost;

namespace Platform.Training.Tests.Infrastructure;

/// <summary>
/// The single-process computation a synchronous distributed run must reproduce: every step, each rank's
/// gradient on its own batch, summed in rank order and divided by the participant count, then one update.
/// </summary>
public static class ReferenceTraining
{
    public static float[][] Train(LinearProblem problem, OptimizerSettings optimizer, int participants, long steps)
    {
        var values = problem.InitialValues();
        var slots = values.Select(value => Enumerable.Range(0, OptimizerRule.SlotCount(optimizer.Kind)).Select(_ => new float[value.Length]).ToArray()).ToArray();
        for (long step = 0; step < steps; step++)
        {
            var gradients = Enumerable.Range(0, participants).Select(rank => problem.Gradient(values, step, rank)).ToArray();
            for (var parameter = 0; parameter < values.Length; parameter++)
            {
                var mean = new float[values[parameter].Length];
                foreach (var gradient in gradients)
                {
                    for (var i = 0; i < mean.Length; i++)
                    {
                        mean[i] += gradient[parameter][i];
                    }
                }

                for (var i = 0; i < mean.Length; i++)
                {
                    mean[i] /= participants;
                }

                OptimizerRule.Apply(optimizer, values[parameter], mean, slots[parameter], step + 1);
            }
        }

        return values;
    }

    public static void AssertClose(float[][] expected, float[][] actual, float tolerance, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var parameter = 0; parameter < expected.Length; parameter++)
        {
            Assert.Equal(expected[parameter].Length, actual[parameter].Length);
            for (var i = 0; i < expected[parameter].Length; i++)
            {
                var difference = Math.Abs(expected[parameter][i] - actual[parameter][i]);
                Assert.True(difference <= tolerance, $"parameter {parameter}[{i}]: expected {expected[parameter][i]}, got {actual[parameter][i]} (difference {difference}).\n{context}");
            }
        }
    }
}
