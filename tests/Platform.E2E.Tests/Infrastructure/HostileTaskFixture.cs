namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A platform whose node runs tasks as uid:gid 1000:1000 with a small default pids limit (so a
/// fork bomb reaches it in seconds), in a collection of its own: hostile tasks and latency
/// measurements must not share the machine with other test classes.
/// </summary>
public sealed class HostileTaskFixture : IAsyncLifetime
{
    public const string Collection = "Hostile tasks";
    public const int PidsLimit = 200;
    public const string TaskUser = "1000:1000";

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        Platform = new PlatformProcess(fakeGpus: 4, extra: new Dictionary<string, string>
        {
            ["Platform__Worker__PidsLimit"] = PidsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform__Worker__TaskUser"] = TaskUser,
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync() => await Platform.DisposeAsync();
}
