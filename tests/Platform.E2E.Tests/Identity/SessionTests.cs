using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Doors;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>The web UI's cookie session: how it is made, what it may do without and with the antiforgery token, how it ends.</summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed class SessionTests(IdentityFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Session_cookie_is_httponly_strict_and_reads_without_antiforgery()
    {
        using var browser = new SessionClient(Platform.BaseAddress);
        using var signIn = await browser.SignInAsync(fixture.Bearers[Callers.MemberA]!);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), value => value.StartsWith("platform.session=", StringComparison.Ordinal));
        var attributes = cookie.Split(';').Select(part => part.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);
        Assert.Contains("path=/", attributes);
        Assert.Equal("""{"user":"ann","role":"member","teams":["team-a"]}""", (await browser.Http.GetFromJsonAsync<JsonElement>("api/me")).GetRawText());
        var jobs = await browser.Http.GetFromJsonAsync<JsonElement>("api/jobs");
        Assert.Contains(jobs.EnumerateArray(), job => job.GetProperty("id").GetString() == fixture.JobA);
        Assert.DoesNotContain(jobs.EnumerateArray(), job => job.GetProperty("id").GetString() == fixture.JobB);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync($"api/jobs/{fixture.JobB}")).StatusCode);
    }

    [Fact]
    public async Task Session_changes_nothing_without_the_antiforgery_token_and_works_with_it()
    {
        var victim = await fixture.SubmitAsync(Callers.Admin, Callers.TeamA);
        using var browser = new SessionClient(Platform.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(fixture.Bearers[Callers.MemberA]!)).StatusCode);
        var name = fixture.NewName("forged");

        using var cancel = await browser.SendAsync(HttpMethod.Post, $"api/jobs/{victim}/cancel");
        using var submit = await browser.SendAsync(HttpMethod.Post, "api/jobs", IdentityFixture.Yaml(IdentityFixture.SleepSpec(name, null)));
        using var signOut = await browser.SendAsync(HttpMethod.Delete, "api/session");
        using var wrong = await browser.SendAsync(HttpMethod.Post, $"api/jobs/{victim}/cancel", antiforgery: "not-the-token");

        foreach (var refused in new[] { cancel, submit, signOut, wrong })
        {
            Assert.Contains("X-XSRF-TOKEN", Problem.Detail(await Problem.AssertAsync(refused, HttpStatusCode.BadRequest)));
        }

        Assert.Equal("Running", (await Platform.WaitForTaskStateAsync(victim, "worker-0", "Running", TimeSpan.FromSeconds(60))).GetProperty("state").GetString());
        Assert.NotEqual("Cancelled", (await fixture.JobAsync(victim)).GetProperty("state").GetString());
        var all = await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs?limit=1000");
        Assert.DoesNotContain(all.EnumerateArray(), job => job.GetProperty("name").GetString() == name);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("api/me")).StatusCode);

        var antiforgery = await browser.AntiforgeryAsync();
        using var cancelled = await browser.SendAsync(HttpMethod.Post, $"api/jobs/{victim}/cancel", antiforgery: antiforgery);
        using var submitted = await browser.SendAsync(HttpMethod.Post, "api/jobs", IdentityFixture.Yaml(IdentityFixture.SleepSpec(name, null)), antiforgery);

        Assert.Equal(HttpStatusCode.Accepted, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var job = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(Callers.TeamA, job.GetProperty("team").GetString());
        await Platform.Http.PostAsync($"api/jobs/{job.GetProperty("id").GetString()}/cancel", null);
        Assert.Contains(await Platform.EventsAsync(victim), e => e.GetProperty("type").GetString() != "Queued" && e.TryGetProperty("by", out var by) && by.ValueKind == JsonValueKind.String && by.GetString() == "ann");
    }

    [Fact]
    public async Task Sign_out_ends_the_session()
    {
        using var browser = new SessionClient(Platform.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(fixture.Bearers[Callers.ViewerA]!)).StatusCode);

        using var signOut = await browser.SendAsync(HttpMethod.Delete, "api/session", antiforgery: await browser.AntiforgeryAsync());
        using var after = await browser.Http.GetAsync("api/me");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("platform.session=;", StringComparison.Ordinal));
        await Problem.AssertAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_cookie_replayed_after_sign_out_is_refused()
    {
        using var browser = new SessionClient(Platform.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(fixture.Bearers[Callers.MemberA]!)).StatusCode);
        var kept = browser.Cookies.GetCookieHeader(Platform.BaseAddress);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SendAsync(HttpMethod.Delete, "api/session", antiforgery: await browser.AntiforgeryAsync())).StatusCode);

        using var replay = Platform.ClientWith(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/me");
        request.Headers.Add("Cookie", kept);
        using var after = await replay.SendAsync(request);

        await Problem.AssertAsync(after, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Session_made_from_a_token_ends_when_the_token_is_revoked()
    {
        using var sam = await Platform.UserAsync("sam", "member", Callers.TeamA);
        using var browser = new SessionClient(Platform.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await browser.SignInAsync(sam.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("api/jobs")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.Http.DeleteAsync($"api/tokens/{sam.TokenId}")).StatusCode);
        using var after = await browser.Http.GetAsync("api/jobs");

        await Problem.AssertAsync(after, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(sam.Token)).StatusCode);
    }
}
