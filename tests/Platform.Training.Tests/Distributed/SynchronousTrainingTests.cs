using Platform.Training.Tests.Infrastructure;
using Platform.Training.TestHost;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Distributed;

/// <summary>Synchronous training across real ps and worker processes equals the same steps computed in one process.</summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Processes")]
public class SynchronousTrainingTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, bool, int, string[]> Jobs => new()
    {
        {
            "SGD with momentum and weight decay; 2 ps, a chief and 2 workers; the weight split into blocks over both ps",
            2, true, 2, ["--steps", "40", "--max-block", "24", "--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9", "--weight-decay", "0.001", "--checkpoint-every", "10"]
        },
        {
            "Adam; 1 ps, 3 workers and no chief (worker-0 leads)",
            1, false, 3, ["--steps", "30", "--optimizer", "adam", "--lr", "0.02"]
        },
    };

    [Theory]
    [MemberData(nameof(Jobs))]
    public async Task Every_step_is_applied_exactly_once_and_the_result_equals_single_process_training(string job, int ps, bool chief, int workers, string[] arguments)
    {
        await using var training = new TrainingJob(ps, chief, workers, arguments);
        training.StartAll();

        await training.AllSucceedAsync();

        var settings = HostArguments.Parse(arguments);
        var result = training.Result();
        output.WriteLine($"{job}: loss {result.Loss} at step {result.Step}");
        Assert.Equal(settings.Steps, result.Step);
        var expected = ReferenceTraining.Train(new LinearProblem(), settings.OptimizerSettings(), (chief ? 1 : 0) + workers, settings.Steps);
        ReferenceTraining.AssertClose(expected, result.Values, 1e-5f, $"{job}\n{training.Describe()}");
        foreach (var server in training.TaskNames.Where(name => name.StartsWith("ps-", StringComparison.Ordinal)))
        {
            Assert.Contains("shutting down: training finished", training[server].Output, StringComparison.Ordinal);
        }
    }
}
