using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Browser;
using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Identity;

/// <summary>The web UI's "Sign in with …" button: a round trip through the identity provider, and a provider user the platform refuses.</summary>
[Trait("Category", "Browser")]
public sealed class OidcBrowserTests(OidcFixture fixture, ChromiumFixture chromium)
    : IClassFixture<OidcFixture>, IClassFixture<ChromiumFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_provider_user_signs_in_with_the_button_and_lands_where_they_were_going()
    {
        fixture.Provider.NextUser = new FakeOidcUser("olga", "member", "vision", "speech");
        var theirs = JobJson.Id(await Platform.SubmitAsync(TinyJob("olga-sees-this", "vision")));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform, signIn: false);
        var page = browser.Page;

        await browser.GoToAsync("#/notebooks");
        await Expect(page).ToHaveURLAsync(new Regex("/#/signin$"));
        await page.GetByTestId("signin-provider-oidc").ClickAsync();

        // The URL, polled: the redirect from the provider is a full load the page may have finished before a wait for it begins.
        await Expect(page).ToHaveURLAsync(new Regex("/#/notebooks$"));
        await Expect(page.GetByTestId("account-user")).ToHaveTextAsync("olga · member · vision, speech");
        Assert.True(fixture.Provider.TokensIssued >= 1, $"the provider issued no token: {string.Join("; ", fixture.Provider.Refusals)}");
        var cookie = (await browser.Context.CookiesAsync()).Single(c => c.Name == "platform.session");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        var jobs = await browser.Context.APIRequest.GetAsync("/api/jobs");
        Assert.Equal(200, jobs.Status);
        Assert.Contains(theirs, await jobs.TextAsync(), StringComparison.Ordinal);
        await browser.GoToAsync("#/jobs");
        await Expect(page.Locator($"[data-testid=job-row][data-job-id='{theirs}']")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("signed-in");
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_provider_user_with_an_unknown_role_ends_on_the_sign_in_page_saying_why()
    {
        fixture.Provider.NextUser = new FakeOidcUser("mallory", "superuser", "vision");
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform, signIn: false);
        var page = browser.Page;

        await browser.GoToAsync("#/jobs");
        await page.GetByTestId("signin-provider-oidc").ClickAsync();

        await Expect(page.GetByTestId("error")).ToContainTextAsync("'role' claim must be admin, member or viewer, not 'superuser'");
        await Expect(page).ToHaveURLAsync(new Regex("/#/signin$"));
        Assert.DoesNotContain(await browser.Context.CookiesAsync(), c => c.Name == "platform.session");
        var me = await browser.Context.APIRequest.GetAsync("/api/me");
        Assert.Equal(401, me.Status);
        await browser.ScreenshotAsync("refused");

        // The reason is shown once: a reload shows the plain sign-in page.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("signin-provider-oidc")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error")).ToHaveCountAsync(0);
        browser.AssertNoScriptErrors();
    }

    private static string TinyJob(string name, string team) => $$"""
        name: {{name}}
        team: {{team}}
        image: platform/hello-ps:1.0
        command: ["bash", "-c", "echo hello"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        """;
}
