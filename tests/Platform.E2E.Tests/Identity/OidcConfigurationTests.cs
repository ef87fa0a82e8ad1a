using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>Without an identity provider there is no button and no way to one; a half-configured one stops the start naming the key.</summary>
[Trait("Category", "Identity")]
public sealed class OidcConfigurationTests
{
    public static TheoryData<string, string, string, string> BadSettings => new()
    {
        { "Platform__Auth__Oidc__ClientId", "platform", "Platform__Auth__Oidc__DisplayName", "Platform:Auth:Oidc:Authority is required when Platform:Auth:Oidc:ClientId is set." },
        { "Platform__Auth__Oidc__Authority", "http://127.0.0.1:9/", "Platform__Auth__Oidc__ClientId", "Platform:Auth:Oidc:Authority is 'http://127.0.0.1:9/', plain http" },
        { "Platform__Auth__Oidc__Authority", "https://idp.example/", "Platform__Auth__Oidc__Scopes__0", "Platform:Auth:Oidc:Scopes must include 'openid'" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_provider_setting_stops_the_start_naming_it(string key, string value, string otherKey, string message)
    {
        await using var platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string>
        {
            [key] = value,
            [otherKey] = otherKey.EndsWith("ClientId", StringComparison.Ordinal) ? "platform" : "profile",
        });

        var failure = await Assert.ThrowsAsync<GaveUpException>(platform.StartAsync);

        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public async Task Without_a_provider_there_is_none_to_sign_in_at()
    {
        await using var platform = new PlatformProcess(fakeGpus: null);
        await platform.StartAsync();
        using var anonymous = platform.ClientWith(null);

        var providers = await anonymous.GetFromJsonAsync<JsonElement>("api/session/providers");
        var challenge = await anonymous.GetAsync("api/session/oidc");

        Assert.Empty(providers.EnumerateArray());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, challenge.StatusCode);
    }
}
