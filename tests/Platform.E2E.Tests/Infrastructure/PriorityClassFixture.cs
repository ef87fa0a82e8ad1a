namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A platform with two fake GPUs whose team <c>vision</c> may use the <c>high</c> priority class
/// besides the defaults; every other team may use <c>low</c> and <c>normal</c> only.
/// </summary>
public sealed class PriorityClassFixture : IAsyncLifetime
{
    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        Platform = new PlatformProcess(fakeGpus: 2, extra: new Dictionary<string, string>
        {
            ["Platform__Teams__vision__PriorityClasses__0"] = "low",
            ["Platform__Teams__vision__PriorityClasses__1"] = "normal",
            ["Platform__Teams__vision__PriorityClasses__2"] = "high",
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
