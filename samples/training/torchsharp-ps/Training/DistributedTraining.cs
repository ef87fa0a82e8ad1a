using System.Diagnostics;
using Platform.Samples.TorchSharpPs.Data;
using Platform.Training;
using Platform.Training.TorchSharp;
using TorchSharp;
using static TorchSharp.torch;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>
/// A task of the parameter-server job, by its role in the injected cluster spec: a ps serves
/// parameters; the chief (or worker-0) and the workers train on their shard of the data; rank 0
/// also evaluates on the test set after every epoch and at the end.
/// </summary>
public static class DistributedTraining
{
    public static async Task<int> RunAsync(TrainOptions options, CancellationToken cancellation)
    {
        var cluster = TrainingCluster.FromEnvironment();
        if (cluster.IsParameterServer)
        {
            Console.WriteLine($"{cluster.TaskName}: serving parameters on port {cluster.Port}");
            await ParameterServer.RunAsync(cluster, cancellation);
            return 0;
        }

        if (cluster.Rank < 0)
        {
            Console.Error.WriteLine($"{cluster.TaskName}: this sample has parameter servers, a chief and workers only.");
            return 2;
        }

        var wall = Stopwatch.StartNew();
        set_num_threads(options.Threads);
        using var train = FashionMnist.Train(options.DataDirectory);
        using var test = cluster.IsChief ? FashionMnist.Test(options.DataDirectory) : null;
        manual_seed(options.Seed);
        using var model = FashionCnn.Create().to(Dataset.Device);
        // Same initial weights everywhere (the chief's are used); dropout differs by rank.
        manual_seed(options.Seed + (1000 * cluster.Rank));

        await using var trainer = await DistributedTrainer.StartAsync(model, cluster, ClientOptions(options), cancellation);
        var plan = new StepPlan(options, cluster.ParticipantCount, cluster.Rank, train.Count);
        trainer.GradientScale = plan.GradientScale;
        Console.WriteLine($"{cluster.TaskName}: rank {cluster.Rank} of {cluster.ParticipantCount}, {plan}, on {Dataset.Device}, starting at step {trainer.Step}");

        var metrics = new MetricLine();
        var accuracy = (double?)null;
        var position = plan.FirstBatch(trainer.Step);
        while (trainer.Step < plan.TotalSteps)
        {
            var before = trainer.Step;
            var trained = await trainer.StepAsync(step => Batches.Loss(model, train, plan.Batch(options.Asynchronous ? position : step)), cancellation);
            position = trained.NextStep < before ? plan.FirstBatch(trained.NextStep) : position + 1;
            if (!cluster.IsChief)
            {
                continue;
            }

            metrics.Trained(Math.Max(0, trained.NextStep - before) * plan.SamplesPerStep, trained.Loss);
            if (plan.EndsEpoch(before, trained.NextStep) || trained.NextStep >= plan.TotalSteps)
            {
                await trainer.PullAsync(cancellation);
                accuracy = Evaluation.Report(model, test!, trained.NextStep, metrics);
            }
            else if (trained.NextStep / options.LogEvery > before / options.LogEvery)
            {
                metrics.Print(trained.NextStep);
            }
        }

        if (cluster.IsChief)
        {
            if (accuracy is null)
            {
                await trainer.PullAsync(cancellation);
                accuracy = Evaluation.Report(model, test!, trainer.Step, metrics);
            }

            MetricLine.PrintFinal(accuracy.Value);
        }

        await trainer.FinishAsync(cancellation);
        Console.WriteLine($"{cluster.TaskName}: done at step {trainer.Step}; wall time: {wall.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    private static ParameterClientOptions ClientOptions(TrainOptions options) => new()
    {
        Mode = options.Asynchronous ? UpdateMode.Asynchronous : UpdateMode.Synchronous,
        Optimizer = OptimizerSettings.Sgd((float)options.LearningRate, (float)options.Momentum, (float)options.WeightDecay),
        CheckpointDirectory = options.CheckpointDirectory,
        CheckpointEverySteps = options.CheckpointDirectory is null ? 0 : options.CheckpointEvery,
    };
}
