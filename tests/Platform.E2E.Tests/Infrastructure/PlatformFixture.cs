namespace Platform.E2E.Tests.Infrastructure;

/// <summary>One embedded platform per test class, with a node of four fake GPUs.</summary>
public class PlatformFixture : IAsyncLifetime
{
    protected virtual int FakeGpus => 4;

    protected virtual string Runtimes => "docker";

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        Platform = new PlatformProcess(FakeGpus, Runtimes);
        await Platform.StartAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
