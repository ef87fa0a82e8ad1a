using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>A <see cref="FakeOidcProvider"/> and a platform (no agent: no containers are run) that signs the web UI in there.</summary>
public sealed class OidcFixture : IAsyncLifetime
{
    public const string ClientId = "platform-e2e";
    public const string DisplayName = "Test IdP";

    public FakeOidcProvider Provider { get; private set; } = null!;

    public PlatformProcess Platform { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = new FakeOidcProvider(ClientId);
        Platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string>
        {
            ["Platform__Auth__Oidc__Authority"] = Provider.Issuer,
            ["Platform__Auth__Oidc__ClientId"] = ClientId,
            ["Platform__Auth__Oidc__RequireHttpsMetadata"] = "false",
            ["Platform__Auth__Oidc__DisplayName"] = DisplayName,
        });
        await Platform.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Platform.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
