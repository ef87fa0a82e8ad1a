using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Platform.Grains.Hosting;

namespace Platform.Gateway.Identity;

public static class IdentityExtensions
{
    /// <summary>How long a web UI session lasts without use.</summary>
    public static readonly TimeSpan SessionIdle = TimeSpan.FromHours(8);

    /// <summary>
    /// Authentication by API token, JWT (when <c>Platform:Auth:Jwt</c> is configured) or session
    /// cookie, chosen per request; the session comes from signing in with a token, or at the identity
    /// provider of <c>Platform:Auth:Oidc</c> when one is configured; every endpoint requires a signed-in caller unless it says
    /// otherwise. There is no open mode: a task on this machine is a stranger like any other.
    /// </summary>
    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCheckedSettings<JwtOptions>(JwtOptions.Section);
        services.AddCheckedSettings<OidcOptions>(OidcOptions.Section);
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var oidc = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new OidcOptions();
        var authentication = services.AddAuthentication(IdentitySchemes.Platform)
            .AddPolicyScheme(IdentitySchemes.Platform, "token, JWT or session", options => options.ForwardDefaultSelector = IdentitySchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenHandler>(IdentitySchemes.Token, options => { })
            .AddCookie(IdentitySchemes.Cookie, ConfigureSession);
        if (jwt.Enabled)
        {
            authentication.AddJwtBearer(IdentitySchemes.Jwt, options => JwtSignIn.Configure(options, jwt));
        }
        else
        {
            authentication.AddScheme<AuthenticationSchemeOptions, JwtOffHandler>(IdentitySchemes.Jwt, options => { });
        }

        if (oidc.Enabled)
        {
            authentication.AddOpenIdConnect(IdentitySchemes.Oidc, oidc.DisplayName, options => OidcSignIn.Configure(options, oidc, jwt));
        }

        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new AuthorizationPolicyBuilder(IdentitySchemes.Platform).RequireAuthenticatedUser().RequireClaim(PlatformClaims.User).Build())
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentitySchemes.Platform).RequireAuthenticatedUser().RequireClaim(PlatformClaims.User).Build());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryMiddleware.Header;
            options.Cookie.Name = AntiforgeryMiddleware.CookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    public static IApplicationBuilder UsePlatformIdentity(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AntiforgeryMiddleware>();
        return app;
    }

    private static void ConfigureSession(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "platform.session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = SessionIdle;
        options.SlidingExpiration = true;
        options.Events = new CookieAuthenticationEvents
        {
            // An API, not a site with a login page: say 401 or 403, never redirect.
            OnRedirectToLogin = context => Refuse(context.Response, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Refuse(context.Response, StatusCodes.Status403Forbidden),
            OnValidatePrincipal = SessionCheck.ValidateAsync,
        };
    }

    private static Task Refuse(HttpResponse response, int status)
    {
        response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer realm=\"platform\"";
        }

        return Task.CompletedTask;
    }
}
