using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Training.Tests.Infrastructure;
using Platform.Training.TestHost;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Distributed;

/// <summary>
/// Tasks killed with SIGKILL mid-training and started again, as the platform's restart policy does. Each
/// step's data depends only on the step, so a run that rolls back to a checkpoint and replays ends exactly
/// where an uninterrupted run does.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Processes")]
public partial class RestartTests(ITestOutputHelper output)
{
    private static readonly string[] Arguments = ["--steps", "60", "--max-block", "24", "--lr", "0.05", "--momentum", "0.9", "--checkpoint-every", "10", "--step-delay-ms", "100"];

    [Fact]
    public async Task A_killed_and_restarted_ps_is_reinitialized_from_the_last_checkpoint_and_training_finishes_right()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await WaitForCheckpointAsync(training, 20);

        await training.KillAndRestartAsync("ps-1");

        await training.AllSucceedAsync();
        var chief = training["chief-0"].Output;
        Assert.Contains("a parameter server restarted and lost its state", chief, StringComparison.Ordinal);
        Assert.True(ResumedStep(chief) >= 20, chief);
        Assert.Contains("continuing from step", training["worker-1"].Output, StringComparison.Ordinal);
        AssertEqualsUninterruptedRun(training);
    }

    [Fact]
    public async Task A_restarted_chief_resumes_from_the_last_checkpoint_not_from_step_0()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await WaitForCheckpointAsync(training, 20);

        var chief = await training.KillAndRestartAsync("chief-0");

        await training.AllSucceedAsync();
        Assert.True(ResumedStep(chief.Output) >= 20, chief.Output);
        AssertEqualsUninterruptedRun(training);
    }

    [Fact]
    public async Task A_restarted_worker_rejoins_at_the_step_it_left()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await Eventually.HoldsAsync(() => training["worker-1"].Output.Contains("pushed step 20", StringComparison.Ordinal), TrainingJob.Patience, () => $"worker-1 to reach step 20\n{training.Describe()}");

        var worker = await training.KillAndRestartAsync("worker-1");

        await training.AllSucceedAsync();
        Assert.Contains("joined training at step", worker.Output, StringComparison.Ordinal);
        AssertEqualsUninterruptedRun(training);
    }

    private static async Task WaitForCheckpointAsync(TrainingJob training, int step) =>
        await Eventually.HoldsAsync(
            () => training["chief-0"].Output.Contains($"checkpoint at step {step} written", StringComparison.Ordinal),
            TrainingJob.Patience,
            () => $"the checkpoint at step {step}\n{training.Describe()}");

    private static long ResumedStep(string text)
    {
        var match = ResumedLine().Match(text);
        Assert.True(match.Success, $"no 'resumed from checkpoint at step' line:\n{text}");
        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private void AssertEqualsUninterruptedRun(TrainingJob training)
    {
        output.WriteLine(training.Describe());
        var settings = HostArguments.Parse(Arguments);
        var result = training.Result();
        Assert.Equal(settings.Steps, result.Step);
        var expected = ReferenceTraining.Train(new LinearProblem(), settings.OptimizerSettings(), training.Participants.Count(), settings.Steps);
        ReferenceTraining.AssertClose(expected, result.Values, 1e-5f, training.Describe());
    }

    [GeneratedRegex(@"resumed from checkpoint at step (\d+)")]
    private static partial Regex ResumedLine();
}
