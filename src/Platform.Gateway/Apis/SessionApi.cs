using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Platform.Contracts.Identity;
using Platform.Core.Identity;
using Platform.Core.Jobs.Spec;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Apis;

/// <summary>
/// The web UI's session: sign in with an API token or a JWT (<c>POST /api/session</c>), which sets
/// an HttpOnly, SameSite=Strict cookie; read the antiforgery token every state-changing request of
/// the session must carry; sign out. <c>GET /api/me</c> says who the caller is, however they came in.
/// Where an identity provider is configured (<c>Platform:Auth:Oidc</c>), the web UI signs in there
/// instead: <c>GET /api/session/providers</c> names it, <c>GET /api/session/oidc</c> goes to it.
/// </summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api").WithTags("Session");
        api.MapPost("session", SignInAsync).AllowAnonymous().Accepts<SignInBody>("application/json")
            .WithSummary("Sign in with an API token or a JWT: sets the session cookie");
        api.MapGet("session/providers", Providers).AllowAnonymous()
            .WithSummary("The identity providers the web UI may sign in at: none, or the one of Platform:Auth:Oidc");
        api.MapGet("session/oidc", ChallengeOidc).AllowAnonymous()
            .WithSummary("Sign in at the identity provider: redirects there, and back to the web UI's returnTo route (#/jobs when none) with the session cookie set");
        api.MapDelete("session", (Delegate)SignOutAsync).RequireAuthorization().WithSummary("Sign out: ends the session cookie");
        api.MapGet("session/antiforgery", Antiforgery).RequireAuthorization()
            .WithSummary($"The token a session's POST and DELETE requests carry in {AntiforgeryMiddleware.Header}");
        api.MapGet("me", Me).RequireAuthorization().WithSummary("Who the platform takes the caller for");
        return api;
    }

    private static async Task<Results<Ok<MeView>, ValidationProblem, ProblemHttpResult>> SignInAsync(HttpContext context, TimeProvider time)
    {
        var token = await ReadTokenAsync(context);
        if (token is null)
        {
            return ApiProblems.Invalid([new SpecError("token", "is required: an API token (plt_…) or a JWT of the configured identity provider")]);
        }

        // The same handlers that check every request's bearer token check this one.
        context.Request.Headers.Authorization = $"Bearer {token}";
        var result = await context.AuthenticateAsync(TokenText.LooksLikeJwt(token) ? IdentitySchemes.Jwt : IdentitySchemes.Token);
        context.Request.Headers.Authorization = default;
        if (!result.Succeeded || PlatformClaims.CallerOf(result.Principal) is not { } caller)
        {
            return TypedResults.Problem(result.Failure?.Message ?? "The token is unknown, revoked or expired.",
                statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed");
        }

        var identity = PlatformClaims.Identity(IdentitySchemes.Cookie, caller.User, caller.Role, caller.Teams).WithNewSession();
        if (result.Principal.FindFirst(PlatformClaims.TokenHash) is { } hash)
        {
            identity.AddClaim(new Claim(PlatformClaims.TokenHash, hash.Value));
        }

        var until = time.GetUtcNow() + IdentityExtensions.SessionIdle;
        var expires = result.Properties?.ExpiresUtc is { } ends && ends < until ? ends : until;
        await context.SignInAsync(IdentitySchemes.Cookie, new ClaimsPrincipal(identity),
            new AuthenticationProperties { ExpiresUtc = expires, AllowRefresh = result.Properties?.ExpiresUtc is null });
        return TypedResults.Ok(MeOf(caller));
    }

    private static Ok<SessionProviderView[]> Providers(IOptions<OidcOptions> oidc) => TypedResults.Ok(
        oidc.Value.Enabled ? new[] { new SessionProviderView(IdentitySchemes.Oidc, oidc.Value.DisplayName) } : []);

    private static Results<ChallengeHttpResult, ValidationProblem, ProblemHttpResult> ChallengeOidc(string? returnTo, IOptions<OidcOptions> oidc)
    {
        if (!oidc.Value.Enabled)
        {
            return TypedResults.Problem($"No identity provider is configured ({OidcOptions.Section}); sign in with an API token.",
                statusCode: StatusCodes.Status404NotFound, title: "Not Found");
        }

        var (route, problem) = SignInReturn.Check(returnTo);
        if (route is null)
        {
            return ApiProblems.Invalid([new SpecError("returnTo", problem!)]);
        }

        return TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" + route }, [IdentitySchemes.Oidc]);
    }

    private static async Task<NoContent> SignOutAsync(HttpContext context, IGrainFactory grains)
    {
        // Ended on the server first: the cookie may have been copied, and clearing it here ends only this browser's copy.
        if (context.User.FindFirst(PlatformClaims.Session)?.Value is { } session)
        {
            await grains.GetGrain<ISessionGrain>(session).EndAsync();
        }

        await context.SignOutAsync(IdentitySchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<AntiforgeryView> Antiforgery(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new AntiforgeryView(AntiforgeryMiddleware.Header, antiforgery.GetAndStoreTokens(context).RequestToken!));

    private static Ok<MeView> Me(HttpContext context) => TypedResults.Ok(MeOf(context.Caller()));

    private static MeView MeOf(Caller caller) => new(caller.User, Roles.Name(caller.Role), caller.Teams);

    private static async Task<string?> ReadTokenAsync(HttpContext context)
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<SignInBody>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
            return body?.Token is { Length: > 0 and <= TokenText.MaxLength } token ? token : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
