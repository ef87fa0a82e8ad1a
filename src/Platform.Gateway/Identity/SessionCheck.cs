using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Contracts.Identity;

namespace Platform.Gateway.Identity;

/// <summary>
/// A session lasts until it is signed out (a copy of its cookie, replayed later, is refused) and,
/// when made from an API token, only as long as the token: revoking it signs the browser out at its
/// next request.
/// </summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal is null
            || !await IsLiveAsync(context.Principal, services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<TimeProvider>()))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentitySchemes.Cookie);
        }
    }

    /// <summary>
    /// Whether what the principal was made from still holds: its session is not signed out and its
    /// API token is not revoked or expired. A principal of neither (a JWT) holds as long as it was valid.
    /// </summary>
    public static async Task<bool> IsLiveAsync(ClaimsPrincipal principal, IGrainFactory grains, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.FindFirst(PlatformClaims.Session)?.Value is { } session && await grains.GetGrain<ISessionGrain>(session).IsEndedAsync())
        {
            return false;
        }

        return principal.FindFirst(PlatformClaims.TokenHash)?.Value is not { } hash
            || await ApiTokenHandler.FindByHashAsync(grains, hash, time) is not null;
    }
}
