using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// One platform shared by the door tests: one fake GPU, a trusted extra origin, the fault endpoint
/// on. <see cref="Bare"/> is a client that sends nothing a browser page of another site could not
/// (no <c>X-Platform-Client</c>), unlike <see cref="PlatformProcess.Http"/>; it does carry the admin's
/// token, so what it meets are the doors, not authentication.
/// </summary>
public sealed class DoorsFixture : IAsyncLifetime
{
    public const string Collection = "doors";

    public const string TrustedOrigin = "https://ui.example.org";

    public PlatformProcess Platform { get; private set; } = null!;

    public HttpClient Bare { get; private set; } = null!;

    /// <summary>The gateway's own origin, as a browser on one of its pages names it.</summary>
    public string OwnOrigin => Platform.BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        Platform = new PlatformProcess(fakeGpus: 1, extra: new Dictionary<string, string>
        {
            ["Platform__Testing__FaultEndpoint"] = "true",
            ["Platform__AllowedOrigins__0"] = TrustedOrigin,
        });
        await Platform.StartAsync();
        Bare = new HttpClient { BaseAddress = Platform.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Bare.DefaultRequestHeaders.Authorization = new("Bearer", Platform.AdminToken);
    }

    /// <summary>Whether <c>GET /api/jobs</c> lists a job of this name (an array, or a page holding one).</summary>
    public async Task<bool> ListsJobNamedAsync(string name)
    {
        var root = await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs");
        var jobs = root.ValueKind == JsonValueKind.Array
            ? root
            : root.EnumerateObject().First(property => property.Value.ValueKind == JsonValueKind.Array).Value;
        return jobs.EnumerateArray().Any(job => job.GetProperty("name").GetString() == name);
    }

    /// <summary>A one-task job that prints <c>ready</c> and then runs until it is cancelled.</summary>
    public static string LongJob(string name) => $$"""
        name: {{name}}
        image: platform/hello-ps:1.0
        command: ["bash", "-c", "echo ready; while true; do sleep 0.2; done"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        terminationGracePeriodSeconds: 1
        """;

    public async Task DisposeAsync()
    {
        Bare?.Dispose();
        await Platform.DisposeAsync();
    }
}

[CollectionDefinition(DoorsFixture.Collection)]
public sealed class DoorsCollection : ICollectionFixture<DoorsFixture>;
