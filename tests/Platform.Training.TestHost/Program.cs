using System.Globalization;
using System.Text.Json;
using Platform.Training;
using Platform.Training.TestHost;

// Runs as a ps or a training participant of the synthetic linear problem, from TF_CONFIG and PLATFORM_*.
var arguments = HostArguments.Parse(args);
var cluster = TrainingCluster.FromEnvironment();
if (cluster.IsParameterServer)
{
    await ParameterServer.RunAsync(cluster, CancellationToken.None);
    return 0;
}

var problem = new LinearProblem(arguments.Inputs, arguments.Outputs, arguments.Batch);
var options = new ParameterClientOptions
{
    Mode = arguments.Mode,
    Optimizer = arguments.OptimizerSettings(),
    CheckpointDirectory = arguments.CheckpointDirectory,
    CheckpointEverySteps = arguments.CheckpointEvery,
    MaxBlockElements = arguments.MaxBlockElements,
};

await using var client = await ParameterClient.ConnectAsync(cluster, problem.Parameters, options, CancellationToken.None);
var step = await client.InitializeAsync(problem.InitialValues(), CancellationToken.None);
var started = (Step: step, Clock: System.Diagnostics.Stopwatch.StartNew());
while (step < arguments.Steps)
{
    // Lets a test act (kill a task) while training is known to be in progress, without racing it.
    if (cluster.IsChief && step == arguments.PauseChiefAtStep && arguments.ReleaseFile is { } release && !File.Exists(release))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cluster.TaskName}: pausing at step {step} until {release} exists"));
        while (!File.Exists(release))
        {
            await Task.Delay(50);
        }
    }

    var snapshot = await client.PullAsync(CancellationToken.None);
    var gradients = problem.Gradient(snapshot.Values, snapshot.Step, cluster.Rank);
    if (arguments.StepDelayMilliseconds > 0)
    {
        await Task.Delay(arguments.StepDelayMilliseconds);
    }

    step = await client.PushAsync(snapshot.Step, gradients, CancellationToken.None);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cluster.TaskName}: pushed step {snapshot.Step}, now at step {step}"));
}

if (cluster.IsChief)
{
    var final = await client.PullAsync(CancellationToken.None);
    var loss = problem.Loss(final.Values);
    var seconds = started.Clock.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{final.Step - started.Step} steps of {problem.Parameters.Sum(parameter => parameter.Length)} parameters in {seconds:F2} s: {(final.Step - started.Step) / seconds:F1} steps/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"@metric {{\"step\": {final.Step}, \"loss\": {loss}}}"));
    if (arguments.ResultPath is { } path)
    {
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { final.Step, Loss = loss, final.Values }));
    }
}

await client.FinishAsync(CancellationToken.None);
return 0;
