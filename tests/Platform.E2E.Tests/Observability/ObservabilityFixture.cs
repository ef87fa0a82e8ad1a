using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Observability;

/// <summary>
/// One embedded platform with a scrape token file (<c>Platform:Metrics:ScrapeTokenPath</c>) and a
/// node of two fake GPUs that also runs host processes, so a job runs in a second.
/// </summary>
public sealed class ObservabilityFixture : IAsyncLifetime
{
    private readonly string _secrets = Directory.CreateTempSubdirectory("platform-scrape-").FullName;

    /// <summary>What Prometheus would present (its <c>credentials_file</c> holds it).</summary>
    public string ScrapeToken { get; } = $"scrape-{Guid.NewGuid():N}";

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        var tokenPath = Path.Combine(_secrets, "scrape-token");
        await File.WriteAllTextAsync(tokenPath, ScrapeToken + "\n");
        Platform = new PlatformProcess(fakeGpus: 2, runtimes: "docker,process", extra: new Dictionary<string, string>
        {
            ["Platform__Metrics__ScrapeTokenPath"] = tokenPath,
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        Directory.Delete(_secrets, recursive: true);
    }
}
