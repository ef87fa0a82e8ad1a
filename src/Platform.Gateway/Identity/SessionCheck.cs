using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Platform.Gateway.Identity;

/// <summary>A session made from an API token lasts only as long as the token: revoking it signs the browser out at its next request.</summary>
public static class SessionCheck
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirst(PlatformClaims.TokenHash)?.Value is not { } hash)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        if (await ApiTokenHandler.FindByHashAsync(services.GetRequiredService<IGrainFactory>(), hash, services.GetRequiredService<TimeProvider>()) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentitySchemes.Cookie);
        }
    }
}
