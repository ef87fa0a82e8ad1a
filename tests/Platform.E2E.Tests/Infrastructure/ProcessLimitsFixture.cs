namespace Platform.E2E.Tests.Infrastructure;

/// <summary>A platform whose node enables the process runtime, with a pids limit of 64 per task.</summary>
public sealed class ProcessLimitsFixture : IAsyncLifetime
{
    public const int PidsLimit = 64;

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        Platform = new PlatformProcess(fakeGpus: 0, runtimes: "docker,process", extra: new Dictionary<string, string>
        {
            ["Platform__Worker__PidsLimit"] = PidsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        var work = HostProcessLeftovers.WorkDirectories(Platform);
        await Platform.DisposeAsync();
        HostProcessLeftovers.Clear(Platform.NodeId, work);
    }
}
