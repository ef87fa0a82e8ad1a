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
}
