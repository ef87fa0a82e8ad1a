using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Notebooks;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// One platform for the identity tests, with JWT sign-in configured for the tests' own key: the
/// <see cref="Callers"/> each hold a client, team-a and team-b each have a sleeping job, and ann
/// (member of team-a) has a notebook.
/// </summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    public const string Issuer = "https://idp.e2e.test";
    public const string Audience = "platform-e2e";

    private readonly JwtSigner _provider = new();
    private readonly JwtSigner _stranger = new();
    private readonly Dictionary<string, HttpClient> _clients = [];
    private int _names;

    public PlatformProcess Platform { get; private set; } = null!;

    /// <summary>The bearer token each caller sends; null for <see cref="Callers.NoToken"/>.</summary>
    public Dictionary<string, string?> Bearers { get; } = [];

    /// <summary>ann's job in team-a, sleeping.</summary>
    public string JobA { get; private set; } = "";

    /// <summary>bob's job in team-b, sleeping.</summary>
    public string JobB { get; private set; } = "";

    /// <summary>ann's notebook.</summary>
    public string NotebookA { get; private set; } = "";

    public HttpClient Client(string caller) => _clients[caller];

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await DockerEngine.RequireImageAsync(JupyterImage.Name, "jupyter/Dockerfile");
        Platform = new PlatformProcess(fakeGpus: 2, extra: new Dictionary<string, string>
        {
            ["Platform__Images__Allowed__1"] = JupyterImage.Name,
            ["Platform__Notebooks__Image"] = JupyterImage.Name,
            ["Platform__Auth__Jwt__Issuer"] = Issuer,
            ["Platform__Auth__Jwt__Audience"] = Audience,
            ["Platform__Auth__Jwt__SigningKeys__0"] = _provider.PublicKeyPem,
        });
        await Platform.StartAsync();

        using var ann = await Platform.UserAsync("ann", "member", Callers.TeamA);
        using var vic = await Platform.UserAsync("vic", "viewer", Callers.TeamA);
        using var bob = await Platform.UserAsync("bob", "member", Callers.TeamB);
        var rex = await Platform.UserAsync("rex", "member", Callers.TeamA);
        Assert.Equal(HttpStatusCode.NoContent, (await Platform.Http.DeleteAsync($"api/tokens/{rex.TokenId}")).StatusCode);
        rex.Dispose();
        var jill = new Dictionary<string, object> { ["sub"] = "jill", ["groups"] = new[] { Callers.TeamA }, ["role"] = "member" };

        Bearers[Callers.Admin] = Platform.AdminToken;
        Bearers[Callers.MemberA] = ann.Token;
        Bearers[Callers.ViewerA] = vic.Token;
        Bearers[Callers.MemberB] = bob.Token;
        Bearers[Callers.JwtMemberA] = Jwt(jill);
        Bearers[Callers.NoToken] = null;
        Bearers[Callers.BadToken] = "plt_" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        Bearers[Callers.RevokedToken] = rex.Token;
        Bearers[Callers.ExpiredJwt] = _provider.Sign(Issuer, Audience, jill, DateTimeOffset.UtcNow.AddMinutes(-5));
        Bearers[Callers.OtherKeyJwt] = _stranger.Sign(Issuer, Audience, jill);
        Bearers[Callers.WrongAudienceJwt] = _provider.Sign(Issuer, "another-platform", jill);
        Bearers[Callers.OwnerRoleJwt] = Jwt(new Dictionary<string, object>(jill) { ["role"] = "owner" });
        foreach (var (caller, bearer) in Bearers)
        {
            _clients[caller] = Platform.ClientWith(bearer);
        }

        JobA = await SubmitAsync(Callers.MemberA, Callers.TeamA);
        JobB = await SubmitAsync(Callers.MemberB, Callers.TeamB);
        NotebookA = await StartNotebookAsync(Callers.MemberA);
    }

    /// <summary>A JWT of the configured provider with these claims, valid for an hour.</summary>
    public string Jwt(IDictionary<string, object> claims) => _provider.Sign(Issuer, Audience, claims);

    /// <summary>A job name no other request of this platform used.</summary>
    public string NewName(string prefix) => $"{prefix}-{Interlocked.Increment(ref _names)}";

    /// <summary>A job that sleeps until cancelled, in <paramref name="team"/> (the caller's first when null).</summary>
    public static string SleepSpec(string name, string? team) => $"""
        name: {name}
        {(team is null ? "" : $"team: {team}")}
        image: platform/hello-ps:1.0
        command: ["sleep", "infinity"]
        replicas:
          worker: {"{"} count: 1, resources: {"{"} cpus: 0.25, memoryMb: 64 {"}"} {"}"}
        terminationGracePeriodSeconds: 1
        """;

    public static StringContent Yaml(string spec) => new(spec, Encoding.UTF8, "application/yaml");

    /// <summary>Submits a sleeping job as <paramref name="caller"/>; its id.</summary>
    public async Task<string> SubmitAsync(string caller, string? team, string? name = null)
    {
        var response = await Client(caller).PostAsync("api/jobs", Yaml(SleepSpec(name ?? NewName("sleeper"), team)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{caller} submitting to {team} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Starts a notebook (no GPU) as <paramref name="caller"/>; its id.</summary>
    public async Task<string> StartNotebookAsync(string caller)
    {
        var response = await Client(caller).PostAsJsonAsync("api/notebooks", new { gpus = 0, cpus = 0.5, memoryMb = 1024 });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{caller} starting a notebook answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The job as the admin sees it.</summary>
    public Task<JsonElement> JobAsync(string id) => Platform.GetJobAsync(id);

    public Task<JsonElement> NotebookAsync(string id) => Platform.GetNotebookAsync(id);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _provider.Dispose();
        _stranger.Dispose();
        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }
    }
}
