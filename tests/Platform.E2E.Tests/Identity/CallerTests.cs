using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>Who the platform takes a caller for, and what that decides: teams of jobs, lists, hidden names, revocation, JWT claims.</summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed partial class CallerTests(IdentityFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Spec_without_team_goes_to_the_callers_first_team()
    {
        using var carol = await Platform.UserAsync("carol", "member", Callers.TeamB, Callers.TeamA);
        var response = await carol.Http.PostAsync("api/jobs", IdentityFixture.Yaml(IdentityFixture.SleepSpec(fixture.NewName("carols"), team: null)));
        var job = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var id = job.GetProperty("id").GetString()!;
        var events = await Platform.EventsAsync(id);
        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Callers.TeamB, job.GetProperty("team").GetString());
        Assert.Equal(Callers.TeamB, (await fixture.JobAsync(id)).GetProperty("team").GetString());
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "Queued" && e.GetProperty("by").GetString() == "carol");
    }

    [Fact]
    public async Task Lists_show_only_the_callers_teams_and_admins_see_all()
    {
        var ann = await ListAsync(Callers.MemberA, "api/jobs?limit=1000");
        var bob = await ListAsync(Callers.MemberB, "api/jobs?limit=1000");
        var asksForB = await ListAsync(Callers.MemberA, $"api/jobs?limit=1000&team={Callers.TeamB}");
        var admin = await ListAsync(Callers.Admin, "api/jobs?limit=1000");

        Assert.Contains(fixture.JobA, ann);
        Assert.DoesNotContain(fixture.JobB, ann);
        Assert.Contains(fixture.JobB, bob);
        Assert.DoesNotContain(fixture.JobA, bob);
        Assert.Empty(asksForB);
        Assert.Contains(fixture.JobA, admin);
        Assert.Contains(fixture.JobB, admin);
        foreach (var (caller, teams) in new[] { (Callers.MemberA, Callers.TeamA), (Callers.MemberB, Callers.TeamB) })
        {
            var jobs = (await fixture.Client(caller).GetFromJsonAsync<JsonElement>("api/jobs?limit=1000")).EnumerateArray();
            Assert.All(jobs, job => Assert.Equal(teams, job.GetProperty("team").GetString()));
        }

        Assert.Contains(fixture.NotebookA, await ListAsync(Callers.MemberA, "api/notebooks"));
        Assert.DoesNotContain(fixture.NotebookA, await ListAsync(Callers.MemberB, "api/notebooks"));
        Assert.DoesNotContain(fixture.NotebookA, await ListAsync(Callers.ViewerA, "api/notebooks"));
        Assert.Contains(fixture.NotebookA, await ListAsync(Callers.Admin, "api/notebooks"));
    }

    [Fact]
    public async Task Another_teams_job_reads_exactly_like_a_missing_one_on_every_job_door()
    {
        var missing = "sleeper-00000000deadbeef";
        var name = (await fixture.JobAsync(fixture.JobA)).GetProperty("name").GetString()!;
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, ""), (HttpMethod.Get, "/logs"), (HttpMethod.Get, "/events"), (HttpMethod.Get, "/metrics"), (HttpMethod.Post, "/cancel"),
        })
        {
            var hidden = await AnswerAsync(Callers.MemberB, method, $"api/jobs/{fixture.JobA}{path}");
            var absent = await AnswerAsync(Callers.MemberB, method, $"api/jobs/{missing}{path}");

            Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
            Assert.Equal(absent.Status, hidden.Status);
            Assert.Equal(absent.ContentType, hidden.ContentType);
            Assert.Equal(Normalise(absent.Body, missing), Normalise(hidden.Body, fixture.JobA));
            Assert.DoesNotContain(Callers.TeamA, hidden.Body);
            Assert.DoesNotContain("ann", hidden.Body);
            Assert.DoesNotContain(name, hidden.Body.Replace(fixture.JobA, "", StringComparison.Ordinal));
        }

        Assert.NotEqual("Cancelled", (await fixture.JobAsync(fixture.JobA)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Same_idempotency_key_from_two_users_makes_two_jobs_and_from_one_user_one()
    {
        using var amy = await Platform.UserAsync("amy", "member", Callers.TeamA);
        var spec = IdentityFixture.SleepSpec(fixture.NewName("keyed"), Callers.TeamA);
        var key = Guid.NewGuid().ToString("N");

        var anns = await SubmitWithKeyAsync(fixture.Client(Callers.MemberA), spec, key);
        var annsAgain = await SubmitWithKeyAsync(fixture.Client(Callers.MemberA), spec, key);
        var amys = await SubmitWithKeyAsync(amy.Http, spec, key);
        foreach (var id in new[] { anns, amys }.Distinct())
        {
            await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        }

        Assert.Equal(anns, annsAgain);
        Assert.NotEqual(anns, amys);
        Assert.Contains(await Platform.EventsAsync(amys), e => e.GetProperty("type").GetString() == "Queued" && e.GetProperty("by").GetString() == "amy");
    }

    [Fact]
    public async Task Revoked_token_is_refused_at_once()
    {
        using var rita = await Platform.UserAsync("rita", "member", Callers.TeamA);
        Assert.Equal(HttpStatusCode.OK, (await rita.Http.GetAsync("api/me")).StatusCode);
        var listed = await Platform.Http.GetFromJsonAsync<JsonElement>("api/tokens");
        Assert.Contains(listed.EnumerateArray(), token => token.GetProperty("id").GetString() == rita.TokenId);
        Assert.DoesNotContain(rita.Token, listed.ToString());

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.Http.DeleteAsync($"api/tokens/{rita.TokenId}")).StatusCode);
        var after = await rita.Http.GetAsync("api/jobs");

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.Http.DeleteAsync($"api/tokens/{rita.TokenId}")).StatusCode);
    }

    [Fact]
    public async Task Jwt_claims_become_the_user_teams_and_role()
    {
        var me = await fixture.Client(Callers.JwtMemberA).GetFromJsonAsync<JsonElement>("api/me");
        using var lead = Platform.ClientWith(fixture.Jwt(new Dictionary<string, object>
        {
            ["sub"] = "lena", ["groups"] = new[] { Callers.TeamB, Callers.TeamA }, ["role"] = "Admin",
        }));
        var leadMe = await lead.GetFromJsonAsync<JsonElement>("api/me");
        using var plain = Platform.ClientWith(fixture.Jwt(new Dictionary<string, object> { ["sub"] = "paul", ["groups"] = new[] { Callers.TeamB } }));
        var plainMe = await plain.GetFromJsonAsync<JsonElement>("api/me");
        var submitted = await fixture.SubmitAsync(Callers.JwtMemberA, team: null);
        await Platform.Http.PostAsync($"api/jobs/{submitted}/cancel", null);

        Assert.Equal("""{"user":"jill","role":"member","teams":["team-a"]}""", me.GetRawText());
        Assert.Equal("""{"user":"lena","role":"admin","teams":["team-b","team-a"]}""", leadMe.GetRawText());
        // A token without a role claim gets the configured default, viewer.
        Assert.Equal("""{"user":"paul","role":"viewer","teams":["team-b"]}""", plainMe.GetRawText());
        Assert.Equal(Callers.TeamA, (await fixture.JobAsync(submitted)).GetProperty("team").GetString());
        Assert.Contains(await Platform.EventsAsync(submitted), e => e.GetProperty("type").GetString() == "Queued" && e.GetProperty("by").GetString() == "jill");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"api/jobs/{fixture.JobB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync($"api/jobs/{fixture.JobA}")).StatusCode);
    }

    [Fact]
    public async Task The_gpu_map_names_only_the_callers_teams_jobs()
    {
        var spec = IdentityFixture.SleepSpec(fixture.NewName("gpu-holder"), Callers.TeamA).Replace("memoryMb: 64 }", "memoryMb: 64, gpus: 1 }", StringComparison.Ordinal);
        var created = await fixture.Client(Callers.MemberA).PostAsync("api/jobs", IdentityFixture.Yaml(spec));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        try
        {
            // Team A's member sees its job on its GPU; team B's sees the GPU taken, by nobody it may know of.
            await Eventually.HoldsAsync(async () => Assert.Contains(id, await NodesTextAsync(Callers.MemberA)),
                TimeSpan.FromSeconds(60), $"{id} to hold a GPU");
            var seenByB = await NodesTextAsync(Callers.MemberB);

            Assert.DoesNotContain(id, seenByB, StringComparison.Ordinal);
            Assert.DoesNotContain("gpu-holder", seenByB, StringComparison.Ordinal);
            Assert.Contains("(another team)", seenByB, StringComparison.Ordinal);
            Assert.Contains(id, await NodesTextAsync(Callers.Admin), StringComparison.Ordinal);
        }
        finally
        {
            await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        }
    }

    private Task<string> NodesTextAsync(string caller) => fixture.Client(caller).GetStringAsync("api/nodes");

    private async Task<List<string>> ListAsync(string caller, string path) =>
        [.. (await fixture.Client(caller).GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];

    private async Task<(HttpStatusCode Status, string? ContentType, string Body)> AnswerAsync(string caller, HttpMethod method, string path)
    {
        using var response = await fixture.Client(caller).SendAsync(new HttpRequestMessage(method, path));
        return (response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> SubmitWithKeyAsync(HttpClient client, string spec, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = IdentityFixture.Yaml(spec) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit with a key answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>The body with the asked id and the per-request trace id taken out: what is left must not differ.</summary>
    private static string Normalise(string body, string id) => TraceId().Replace(body.Replace(id, "{id}", StringComparison.Ordinal), "\"traceId\":\"…\"");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}
