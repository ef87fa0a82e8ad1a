using System.Diagnostics;
using Platform.Samples.TorchSharpPs.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>
/// The baseline: the same net, data order, epochs and optimizer in one process, with the batch
/// the parameter-server job averages per step (batch size × workers): step s trains on exactly the
/// samples the job's ranks together train on at step s.
/// </summary>
public static class SingleProcessTraining
{
    public static int Run(TrainOptions options, CancellationToken cancellation)
    {
        var wall = Stopwatch.StartNew();
        set_num_threads(options.Threads);
        using var train = FashionMnist.Train(options.DataDirectory);
        using var test = FashionMnist.Test(options.DataDirectory);
        manual_seed(options.Seed);
        using var model = FashionCnn.Create().to(Dataset.Device);
        using var optimizer = optim.SGD(model.parameters(), options.LearningRate, options.Momentum, weight_decay: options.WeightDecay);
        var plan = new StepPlan(options with { BatchSize = options.BatchSize * options.Workers, Asynchronous = false }, 1, 0, train.Count);
        Console.WriteLine($"single process: {plan}, {options.Threads} threads, on {Dataset.Device}");

        var metrics = new MetricLine();
        var accuracy = 0.0;
        for (var step = 0L; step < plan.TotalSteps;)
        {
            cancellation.ThrowIfCancellationRequested();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = Batches.Loss(model, train, plan.Batch(step));
                // The same schedule as the parameter-server job, applied the same way (see StepPlan).
                loss.mul(plan.GradientScale(step)).backward();
                optimizer.step();
                metrics.Trained(plan.SamplesPerStep, loss.item<float>());
            }

            step++;
            if (plan.EndsEpoch(step - 1, step) || step == plan.TotalSteps)
            {
                accuracy = Evaluation.Report(model, test, step, metrics);
            }
            else if (step % options.LogEvery == 0)
            {
                metrics.Print(step);
            }
        }

        MetricLine.PrintFinal(accuracy);
        Console.WriteLine($"wall time: {wall.Elapsed.TotalSeconds:F1} s");
        return 0;
    }
}
