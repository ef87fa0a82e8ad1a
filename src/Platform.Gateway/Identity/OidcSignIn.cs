using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Platform.Gateway.Identity;

/// <summary>
/// The web UI's sign-in at an identity provider: OpenID Connect's authorization code flow with
/// PKCE. ASP.NET Core's handler checks the id token (signature, issuer, audience, lifetime, nonce);
/// then its claims become the platform's user, teams and role exactly as a JWT's do
/// (<see cref="JwtSignIn.Map"/>), and the session cookie is made from them. The provider's tokens
/// are not kept. A failed sign-in ends on the sign-in page, which reads why from <see cref="ErrorCookie"/>.
/// </summary>
public static class OidcSignIn
{
    /// <summary>Where the provider sends the browser back with the code (the handler's own path).</summary>
    public const string CallbackPath = "/signin-oidc";

    /// <summary>
    /// Says the sign-in page why a sign-in failed; readable by its script, and lasting a minute. A
    /// cookie rather than the address, so that no link can make the page show a message of its own.
    /// </summary>
    public const string ErrorCookie = "platform.signin-error";

    /// <summary>The longest failure message the cookie carries.</summary>
    public const int MaxErrorLength = 300;

    public static void Configure(OpenIdConnectOptions options, OidcOptions oidc, JwtOptions jwt)
    {
        options.SignInScheme = IdentitySchemes.Cookie;
        options.Authority = oidc.Authority;
        options.ClientId = oidc.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(oidc.ClientSecret) ? null : oidc.ClientSecret;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ResponseType = OpenIdConnectResponseType.Code;
        // The code comes back in the query of a top-level GET: SameSite=Lax cookies go with it, and
        // no cross-site POST (form_post) has to be let through the origin rule.
        options.ResponseMode = OpenIdConnectResponseMode.Query;
        options.UsePkce = true;
        options.SaveTokens = false;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.CallbackPath = CallbackPath;
        options.Scope.Clear();
        foreach (var scope in oidc.EffectiveScopes)
        {
            options.Scope.Add(scope);
        }

        // The provider sends the browser back from another site: Strict cookies would not come with it.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.TokenValidationParameters.NameClaimType = jwt.UserClaim;
        options.TokenValidationParameters.RoleClaimType = jwt.RoleClaim;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                var (identity, problem) = JwtSignIn.Map(context.Principal!, jwt, IdentitySchemes.Cookie);
                if (identity is null)
                {
                    context.Fail(problem!);
                    return Task.CompletedTask;
                }

                context.Principal = new ClaimsPrincipal(identity.WithNewSession());
                // A session like a token's: it ends after eight hours without use.
                var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties!.ExpiresUtc = time.GetUtcNow() + IdentityExtensions.SessionIdle;
                context.Properties.AllowRefresh = true;
                context.Properties.IsPersistent = false;
                return Task.CompletedTask;
            },
            OnRemoteFailure = context =>
            {
                var message = context.Failure?.Message is { Length: > 0 } failed ? failed : "The identity provider did not sign you in.";
                // Append escapes the value (the page unescapes it).
                context.Response.Cookies.Append(ErrorCookie, Shorten(message), new CookieOptions
                {
                    Path = "/",
                    HttpOnly = false,
                    SameSite = SameSiteMode.Lax,
                    Secure = context.Request.IsHttps,
                    MaxAge = TimeSpan.FromMinutes(1),
                });
                context.Response.Redirect("/#/signin");
                context.HandleResponse();
                return Task.CompletedTask;
            },
        };
    }

    private static string Shorten(string message) => message.Length <= MaxErrorLength ? message : message[..(MaxErrorLength - 1)] + "…";
}
