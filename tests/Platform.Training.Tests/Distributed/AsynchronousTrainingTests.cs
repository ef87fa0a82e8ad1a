using Platform.Training.Tests.Infrastructure;
using Platform.Training.TestHost;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Distributed;

/// <summary>Asynchronous training has no exact result (arrival order decides); it must still learn the problem.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Processes")]
public class AsynchronousTrainingTests(ITestOutputHelper output)
{
    private const double Threshold = 0.01;

    [Fact]
    public async Task Asynchronous_training_brings_the_loss_below_the_threshold()
    {
        var problem = new LinearProblem();
        Assert.True(problem.Loss(problem.InitialValues()) > 50 * Threshold, "the problem is too easy to show learning");
        await using var training = new TrainingJob(2, chief: true, workers: 2, "--mode", "async", "--steps", "240", "--max-block", "24", "--lr", "0.03", "--momentum", "0.5");
        training.StartAll();

        await training.AllSucceedAsync();

        var result = training.Result();
        output.WriteLine($"initial loss {problem.Loss(problem.InitialValues())}, final loss {result.Loss} at step {result.Step}");
        Assert.True(result.Step >= 240, $"step {result.Step}");
        Assert.True(result.Loss < Threshold, $"loss {result.Loss}\n{training.Describe()}");
    }
}
