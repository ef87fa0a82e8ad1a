using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Gateway.Identity;

/// <summary>
/// <c>Authorization: Bearer plt_…</c>: the token's SHA-256 is looked up among the platform's
/// tokens; an unknown, revoked or expired token fails. Over WebSockets, which carry no header from a
/// browser, the hub's <c>access_token</c> query parameter is read instead.
/// </summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IGrainFactory grains, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (IdentitySchemes.BearerOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var found = await FindAsync(grains, token, time);
        if (found is null)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }

        var identity = PlatformClaims.Identity(Scheme.Name, found.User, found.Role, found.Teams);
        identity.AddClaim(new Claim(PlatformClaims.TokenHash, found.Hash));
        var properties = new AuthenticationProperties { ExpiresUtc = found.ExpiresAt };
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), properties, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"platform\", error=\"invalid_token\"";
        return Task.CompletedTask;
    }

    /// <summary>The live token with this text, or null.</summary>
    public static async Task<ApiToken?> FindAsync(IGrainFactory grains, string token, TimeProvider time)
    {
        if (token.Length > TokenText.MaxLength || !token.StartsWith(TokenText.Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return await FindByHashAsync(grains, TokenText.Hash(token), time);
    }

    public static async Task<ApiToken?> FindByHashAsync(IGrainFactory grains, string hash, TimeProvider time)
    {
        var found = await grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key).FindAsync(hash);
        return found is not null && (found.ExpiresAt is null || found.ExpiresAt > time.GetUtcNow()) ? found : null;
    }
}
