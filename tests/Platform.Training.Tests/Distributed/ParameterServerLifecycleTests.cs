using Platform.Training.Tests.Infrastructure;

namespace Platform.Training.Tests.Distributed;

[Collection(ProcessCollection.Name)]
[Trait("Category", "Processes")]
public class ParameterServerLifecycleTests
{
    [Fact]
    public async Task A_parameter_server_exits_0_on_SIGTERM()
    {
        await using var training = new TrainingJob(1, chief: false, workers: 1);
        var ps = training.Start("ps-0");
        await Eventually.HoldsAsync(() => ps.Output.Contains("serving on", StringComparison.Ordinal), TrainingJob.Patience, () => $"ps-0 to listen\n{ps.Output}");

        await ps.TerminateAsync();

        Assert.Equal(0, await ps.ExitCodeAsync(TrainingJob.Patience));
        Assert.Contains("stopped", ps.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_parameter_server_without_the_job_secret_exits_non_zero_naming_it()
    {
        var port = TestPorts.Free(1)[0];
        await using var ps = HostProcess.Start("ps-0", new Dictionary<string, string>
        {
            ["TF_CONFIG"] = $$$"""{"cluster":{"ps":["127.0.0.1:{{{port}}}"],"worker":["127.0.0.1:1"]},"task":{"type":"ps","index":0}}""",
            ["PLATFORM_TASK_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, []);

        Assert.NotEqual(0, await ps.ExitCodeAsync(TrainingJob.Patience));
        Assert.Contains("PLATFORM_JOB_SECRET is not set", ps.Output, StringComparison.Ordinal);
    }
}
