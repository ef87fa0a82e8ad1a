using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// Every door of the platform as the matrix knocks on it. A door gets whether the call is expected
/// to succeed: one that changes something then acts on a resource made for it, so the shared jobs
/// and notebook stay as they are for every other row.
/// </summary>
public static class Doors
{
    public delegate Task<DoorRequest> Build(IdentityFixture fixture, bool allowed);

    public static readonly IReadOnlyDictionary<string, Build> All = new Dictionary<string, Build>
    {
        ["POST /api/jobs (team-a)"] = (f, _) => Submit(f, Callers.TeamA),
        ["POST /api/jobs (team-b)"] = (f, _) => Submit(f, Callers.TeamB),
        ["POST /api/jobs (no team)"] = (f, _) => Submit(f, null),
        ["GET /api/jobs"] = (_, _) => Get("api/jobs"),
        ["GET /api/jobs/{a}"] = (f, _) => Get($"api/jobs/{f.JobA}"),
        ["GET /api/jobs/{b}"] = (f, _) => Get($"api/jobs/{f.JobB}"),
        ["GET /api/jobs/{missing}"] = (_, _) => Get("api/jobs/sleeper-0000000000000000"),
        ["GET /api/jobs/{a}/logs"] = (f, _) => Get($"api/jobs/{f.JobA}/logs"),
        ["GET /api/jobs/{b}/logs"] = (f, _) => Get($"api/jobs/{f.JobB}/logs"),
        ["GET /api/jobs/{a}/events"] = (f, _) => Get($"api/jobs/{f.JobA}/events"),
        ["GET /api/jobs/{b}/events"] = (f, _) => Get($"api/jobs/{f.JobB}/events"),
        ["GET /api/jobs/{a}/metrics"] = (f, _) => Get($"api/jobs/{f.JobA}/metrics"),
        ["GET /api/jobs/{b}/metrics"] = (f, _) => Get($"api/jobs/{f.JobB}/metrics"),
        ["POST /api/jobs/{a}/cancel"] = (f, allowed) => Cancel(f, allowed, Callers.TeamA, f.JobA),
        ["POST /api/jobs/{b}/cancel"] = (f, allowed) => Cancel(f, allowed, Callers.TeamB, f.JobB),
        ["POST /api/notebooks (asks too much)"] = (_, _) => Task.FromResult(new DoorRequest(
            HttpMethod.Post, "api/notebooks", JsonContent.Create(new { gpus = 99, cpus = 0.5, memoryMb = 1024 }))),
        ["GET /api/notebooks"] = (_, _) => Get("api/notebooks"),
        ["GET /api/notebooks/{ann's}"] = (f, _) => Get($"api/notebooks/{f.NotebookA}"),
        ["DELETE /api/notebooks/{ann's}"] = StopNotebookAsync,
        ["GET /notebooks/{ann's}/ (proxy)"] = (f, _) => Get($"notebooks/{f.NotebookA}/api/contents"),
        ["GET /api/nodes"] = (_, _) => Get("api/nodes"),
        ["GET /api/images"] = (_, _) => Get("api/images"),
        ["POST /api/tokens"] = (f, _) => MakeToken(f),
        ["GET /api/tokens"] = (_, _) => Get("api/tokens"),
        ["DELETE /api/tokens/{id}"] = RevokeTokenAsync,
        ["GET /api/me"] = (_, _) => Get("api/me"),
        ["GET /api/session/antiforgery"] = (_, _) => Get("api/session/antiforgery"),
        ["DELETE /api/session"] = (_, _) => Task.FromResult(new DoorRequest(HttpMethod.Delete, "api/session")),
        ["POST /hubs/jobs/negotiate"] = (_, _) => Task.FromResult(new DoorRequest(HttpMethod.Post, "hubs/jobs/negotiate?negotiateVersion=1")),
        ["GET /metrics/prometheus"] = (_, _) => Get("metrics/prometheus"),
        ["GET /dashboard/"] = (_, _) => Get("dashboard/"),
    };

    private static Task<DoorRequest> Get(string path) => Task.FromResult(new DoorRequest(HttpMethod.Get, path));

    private static Task<DoorRequest> Submit(IdentityFixture fixture, string? team)
    {
        var name = fixture.NewName("matrix");
        return Task.FromResult(new DoorRequest(HttpMethod.Post, "api/jobs", IdentityFixture.Yaml(IdentityFixture.SleepSpec(name, team)),
            async () => Assert.DoesNotContain(await JobsAsync(fixture), job => job.GetProperty("name").GetString() == name)));
    }

    private static async Task<DoorRequest> Cancel(IdentityFixture fixture, bool allowed, string team, string shared)
    {
        var id = allowed ? await fixture.SubmitAsync(Callers.Admin, team) : shared;
        return new DoorRequest(HttpMethod.Post, $"api/jobs/{id}/cancel", Unchanged: async () =>
            Assert.NotEqual("Cancelled", (await fixture.JobAsync(id)).GetProperty("state").GetString()));
    }

    private static async Task<DoorRequest> StopNotebookAsync(IdentityFixture fixture, bool allowed)
    {
        var id = allowed ? await fixture.StartNotebookAsync(Callers.MemberA) : fixture.NotebookA;
        return new DoorRequest(HttpMethod.Delete, $"api/notebooks/{id}", Unchanged: async () =>
            Assert.DoesNotContain((await fixture.NotebookAsync(id)).GetProperty("state").GetString(), new[] { "Stopped", "Failed" }));
    }

    private static Task<DoorRequest> MakeToken(IdentityFixture fixture)
    {
        var user = fixture.NewName("made");
        return Task.FromResult(new DoorRequest(HttpMethod.Post, "api/tokens", JsonContent.Create(new { user, role = "viewer", teams = new[] { Callers.TeamA } }),
            async () => Assert.DoesNotContain(await TokensAsync(fixture), token => token.GetProperty("user").GetString() == user)));
    }

    private static async Task<DoorRequest> RevokeTokenAsync(IdentityFixture fixture, bool allowed)
    {
        var made = await fixture.Platform.UserAsync(fixture.NewName("doomed"), "viewer", Callers.TeamA);
        return new DoorRequest(HttpMethod.Delete, $"api/tokens/{made.TokenId}", Unchanged: async () =>
        {
            using (made)
            {
                Assert.Equal(HttpStatusCode.OK, (await made.Http.GetAsync("api/me")).StatusCode);
            }
        });
    }

    private static async Task<List<JsonElement>> JobsAsync(IdentityFixture fixture) =>
        [.. (await fixture.Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs?limit=1000")).EnumerateArray()];

    private static async Task<List<JsonElement>> TokensAsync(IdentityFixture fixture) =>
        [.. (await fixture.Platform.Http.GetFromJsonAsync<JsonElement>("api/tokens")).EnumerateArray()];
}
