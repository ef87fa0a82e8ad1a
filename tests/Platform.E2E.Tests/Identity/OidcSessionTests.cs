using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// The identity provider's endpoints over plain HTTP: which providers there are, the redirect to
/// the provider with PKCE, and no redirect anywhere but the web UI's own routes.
/// </summary>
[Trait("Category", "Identity")]
public sealed class OidcSessionTests(OidcFixture fixture) : IClassFixture<OidcFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task The_provider_is_named_to_anyone()
    {
        using var anonymous = Platform.ClientWith(null);

        var providers = await anonymous.GetFromJsonAsync<JsonElement>("api/session/providers");

        var provider = Assert.Single(providers.EnumerateArray());
        Assert.Equal("oidc", provider.GetProperty("name").GetString());
        Assert.Equal(OidcFixture.DisplayName, provider.GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Signing_in_goes_to_the_provider_with_a_pkce_challenge_and_a_nonce()
    {
        using var anonymous = NoRedirects();

        var response = await anonymous.GetAsync($"api/session/oidc?returnTo={Uri.EscapeDataString("#/notebooks")}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith($"{fixture.Provider.Issuer}/authorize?", location.ToString());
        var query = System.Web.HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(OidcFixture.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"]);
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal(new[] { "openid", "profile", "email" }, query["scope"]!.Split(' '));
        Assert.Equal($"{Platform.BaseAddress.ToString().TrimEnd('/')}/signin-oidc", query["redirect_uri"]);
        // The correlation and nonce cookies must come back from another site's redirect over plain http.
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(cookies, cookie => cookie.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal) && cookie.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, cookie => Assert.DoesNotContain("secure", cookie.Split(';').Select(part => part.Trim().ToLowerInvariant())));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task A_return_address_that_is_not_a_route_of_the_web_ui_is_refused(string returnTo)
    {
        using var anonymous = NoRedirects();

        var response = await anonymous.GetAsync($"api/session/oidc?returnTo={Uri.EscapeDataString(returnTo)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors").GetProperty("returnTo").EnumerateArray().Select(error => error.GetString()).ToList();
        Assert.Contains(errors, error => error!.Contains("'#/'", StringComparison.Ordinal));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_return_address_over_the_limit_is_refused_naming_the_limit()
    {
        using var anonymous = NoRedirects();

        var response = await anonymous.GetAsync($"api/session/oidc?returnTo={Uri.EscapeDataString("#/" + new string('a', 600))}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 512", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_callback_without_the_sign_ins_cookies_signs_nobody_in()
    {
        using var anonymous = NoRedirects();

        var response = await anonymous.GetAsync("signin-oidc?code=forged&state=forged");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/#/signin", response.Headers.Location?.OriginalString);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], cookie => cookie.StartsWith("platform.session=", StringComparison.Ordinal) && !cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, fixture.Provider.TokensIssued);
    }

    private HttpClient NoRedirects() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Platform.BaseAddress };
}
