using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>A bad limit or allowed origin stops the platform at start with a message naming the setting and its range.</summary>
[Trait("Category", "Docker")]
public sealed class ConfigurationTests
{
    public static TheoryData<string, string, string> BadSettings => new()
    {
        { "Platform__Limits__MaxSpecBytes", "10", "Platform:Limits:MaxSpecBytes is 10; it must be between 1024 and 4294967296 bytes." },
        { "Platform__Limits__MaxJsonBodyBytes", "-1", "Platform:Limits:MaxJsonBodyBytes is -1" },
        { "Platform__Limits__MaxRequestBodyBytes", "8589934592", "Platform:Limits:MaxRequestBodyBytes is 8589934592" },
        { "Platform__AllowedOrigins__0", "ui.example.org", "Platform:AllowedOrigins has 'ui.example.org'" },
        { "Platform__AllowedOrigins__0", "https://ui.example.org/app", "Platform:AllowedOrigins has 'https://ui.example.org/app'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Bad_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        await using var platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string> { [key] = value });

        var failure = await Assert.ThrowsAsync<GaveUpException>(platform.StartAsync);

        Assert.Contains(message, failure.Message);
    }
}
