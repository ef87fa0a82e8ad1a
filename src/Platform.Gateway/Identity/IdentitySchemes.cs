using Microsoft.Net.Http.Headers;
using Platform.Core.Identity;

namespace Platform.Gateway.Identity;

/// <summary>
/// The ways in: <see cref="Token"/> (API tokens), <see cref="Jwt"/> (an identity provider's
/// tokens), <see cref="Cookie"/> (the web UI's session, made at sign-in). <see cref="Platform"/>
/// picks one per request by what it carries, so every door accepts all three. <see cref="Oidc"/> is
/// no way in of its own: it signs the web UI in at an identity provider and makes a <see cref="Cookie"/> session.
/// </summary>
public static class IdentitySchemes
{
    public const string Platform = "platform";
    public const string Token = "token";
    public const string Jwt = "jwt";
    public const string Cookie = "session";
    public const string Oidc = "oidc";

    /// <summary>Where a bearer token may stand in the query: only the hub, whose WebSockets carry no header from a browser.</summary>
    public const string HubPath = "/hubs";

    public static string Select(HttpContext context) => BearerOf(context.Request) switch
    {
        null => Cookie,
        { } token when TokenText.LooksLikeJwt(token) => Jwt,
        _ => Token,
    };

    /// <summary>The bearer token of the request: the Authorization header, or the hub's access_token parameter.</summary>
    public static string? BearerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubPath) && request.Query["access_token"] is [{ Length: > 0 } token] ? token : null;
    }
}
