using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Training.Tests.Infrastructure;
using Platform.Training.TestHost;
using Xunit.Abstractions;

namespace Platform.Training.Tests.Distributed;

/// <summary>
/// Tasks killed with SIGKILL mid-training and started again, as the platform's restart policy does. The
/// chief pauses at step 25 (after the step-20 checkpoint) until the test has acted, so the kill always
/// lands mid-training. Each step's data depends only on the step, so a run that rolls back to a
/// checkpoint and replays ends exactly where an uninterrupted run does.
/// </summary>
[Collection(ProcessCollection.Name)]
[Trait("Category", "Processes")]
public partial class RestartTests(ITestOutputHelper output)
{
    private static readonly string[] Arguments = ["--steps", "40", "--max-block", "24", "--lr", "0.05", "--momentum", "0.9", "--checkpoint-every", "10", "--pause-chief-at-step", "25"];

    [Fact]
    public async Task A_killed_and_restarted_ps_is_reinitialized_from_the_last_checkpoint_and_training_finishes_right()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await WaitForPauseAsync(training);

        await training.KillAndRestartAsync("ps-1");
        training.Release();

        await training.AllSucceedAsync();
        var chief = training["chief-0"].Output;
        Assert.Contains("a parameter server restarted and lost its state", chief, StringComparison.Ordinal);
        Assert.Equal(20, ResumedStep(chief));
        Assert.Contains("continuing from step", training["worker-1"].Output, StringComparison.Ordinal);
        AssertEqualsUninterruptedRun(training);
    }

    [Fact]
    public async Task A_restarted_chief_resumes_from_the_last_checkpoint_not_from_step_0()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await WaitForPauseAsync(training);

        await training["chief-0"].KillAsync();
        training.Release();
        var chief = training.Start("chief-0");

        await training.AllSucceedAsync();
        Assert.Equal(20, ResumedStep(chief.Output));
        AssertEqualsUninterruptedRun(training);
    }

    [Fact]
    public async Task A_restarted_worker_rejoins_at_the_step_it_left()
    {
        await using var training = new TrainingJob(2, chief: true, workers: 2, Arguments);
        training.StartAll();
        await WaitForPauseAsync(training);

        var worker = await training.KillAndRestartAsync("worker-1");
        await Eventually.HoldsAsync(() => worker.Output.Contains("joined training at step 25", StringComparison.Ordinal), TrainingJob.Patience, () => $"worker-1 to rejoin\n{training.Describe()}");
        training.Release();

        await training.AllSucceedAsync();
        AssertEqualsUninterruptedRun(training);
    }

    private static async Task WaitForPauseAsync(TrainingJob training)
    {
        await Eventually.HoldsAsync(
            () => training["chief-0"].Output.Contains("pausing at step 25", StringComparison.Ordinal),
            TrainingJob.Patience,
            () => $"the chief to pause at step 25\n{training.Describe()}");
        Assert.Contains("checkpoint at step 20 written", training["chief-0"].Output, StringComparison.Ordinal);
    }

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
