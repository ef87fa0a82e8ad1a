using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Browser;

/// <summary>The web UI's sign-in: a token on the sign-in page or a sign-in link, a team's view of the jobs, sign-out.</summary>
[Trait("Category", "Browser")]
public sealed class SignInTests(PlatformFixture fixture, ChromiumFixture chromium)
    : IClassFixture<PlatformFixture>, IClassFixture<ChromiumFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_member_signs_in_submits_sees_only_their_teams_jobs_and_signs_out()
    {
        using var ann = await Platform.UserAsync("ann", "member", "vision");
        var theirs = JobJson.Id(await Platform.SubmitAsync(TinyJob("speech-job", "speech")));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform, signIn: false);
        var page = browser.Page;

        await browser.GoToAsync("#/jobs");
        await Expect(page).ToHaveURLAsync(new Regex("#/signin$"));
        await page.GetByTestId("signin-token").FillAsync("plt_not-a-token");
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("error")).ToContainTextAsync("401");
        await page.GetByTestId("signin-token").FillAsync(ann.Token);
        await page.GetByTestId("signin-submit").ClickAsync();

        // Back to the page that was asked for, signed in as ann.
        await Expect(page).ToHaveURLAsync(new Regex("#/jobs$"));
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("ann · member · vision");
        var cookie = (await browser.Context.CookiesAsync()).Single(c => c.Name == "platform.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);

        await browser.GoToAsync("#/submit");
        await page.GetByTestId("spec-editor").FillAsync(TinyJob("ann-job", team: null));
        await page.GetByTestId("submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/jobs/ann-job-"));
        var mine = Uri.UnescapeDataString(new Uri(page.Url).Fragment["#/jobs/".Length..]);
        var job = await Platform.GetJobAsync(mine);
        Assert.Equal("vision", job.GetProperty("team").GetString());
        Assert.Contains(await Platform.EventsAsync(mine), e => e.GetProperty("type").GetString() == "Queued" && e.GetProperty("by").GetString() == "ann");

        await page.GetByTestId("nav-jobs").ClickAsync();
        await Expect(page.Locator($"[data-testid=job-row][data-job-id='{mine}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"[data-testid=job-row][data-job-id='{theirs}']")).ToHaveCountAsync(0);
        await browser.GoToAsync($"#/jobs/{theirs}");
        await Expect(page.GetByTestId("error")).ToContainTextAsync("404");
        await browser.ScreenshotAsync("signed-in");

        await page.GetByTestId("signout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("#/signin$"));
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "platform.session");
        var me = await browser.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal((int)HttpStatusCode.Unauthorized, me.Status);
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_sign_in_link_signs_in_at_once_and_leaves_no_token_in_the_address_bar()
    {
        using var vic = await Platform.UserAsync("vic", "viewer", "vision");
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform, signIn: false);
        var page = browser.Page;

        await browser.GoToAsync($"#/signin/{vic.Token}");

        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("vic · viewer · vision");
        Assert.DoesNotContain(vic.Token, page.Url, StringComparison.Ordinal);
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_revoked_token_ends_the_session_made_from_it()
    {
        using var bob = await Platform.UserAsync("bob", "member", "speech");
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform, bob.Token);
        var page = browser.Page;
        await browser.GoToAsync("#/jobs");
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("bob · member · speech");

        var revoked = await Platform.Http.DeleteAsync($"api/tokens/{bob.TokenId}");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);

        // The jobs page polls: its next request finds the session gone and shows the sign-in page.
        await Expect(page).ToHaveURLAsync(new Regex("#/signin$"), new() { Timeout = 30_000 });
        var me = await browser.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal((int)HttpStatusCode.Unauthorized, me.Status);
    }

    private static string TinyJob(string name, string? team) => $$"""
        name: {{name}}
        {{(team is null ? "" : $"team: {team}")}}
        image: platform/hello-ps:1.0
        command: ["bash", "-c", "echo hello"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        """;
}
