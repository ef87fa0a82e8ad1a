using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Observability;

/// <summary>A scrape token path that holds no token stops the platform at start, naming the key.</summary>
[Trait("Category", "Docker")]
public sealed class MetricsSettingsTests
{
    [Fact]
    public async Task Missing_scrape_token_file_stops_the_start_naming_the_key()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-scrape-token-{Guid.NewGuid():N}");
        await using var platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string>
        {
            ["Platform__Metrics__ScrapeTokenPath"] = missing,
        });

        var failure = await Assert.ThrowsAsync<GaveUpException>(platform.StartAsync);

        Assert.Contains($"Platform:Metrics:ScrapeTokenPath must name a file holding a token of 1-4096 bytes ({missing} is missing", failure.Message);
    }
}
