namespace Platform.E2E.Tests.Infrastructure;

/// <summary>One embedded platform without an agent of its own, per test class: its Orleans ports are what is tested.</summary>
public sealed class ControlPlaneFixture : IAsyncLifetime
{
    public PlatformProcess Platform { get; } = new(fakeGpus: null);

    public Task InitializeAsync() => Platform.StartAsync();

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
