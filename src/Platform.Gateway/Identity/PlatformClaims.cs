using System.Security.Claims;
using System.Security.Cryptography;
using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Gateway.Identity;

/// <summary>The claims every way in (API token, JWT, cookie session) turns into, and the <see cref="Caller"/> made of them.</summary>
public static class PlatformClaims
{
    public const string User = "platform:user";
    public const string Role = "platform:role";
    public const string Team = "platform:team";
    /// <summary>The hash of the API token a session was made from: the session ends when the token is revoked.</summary>
    public const string TokenHash = "platform:token";
    /// <summary>The random id of a web UI session (<c>ISessionGrain</c>): signing out ends it on the server too.</summary>
    public const string Session = "platform:session";

    /// <summary>128 random bits name a session: not guessable, and never reused.</summary>
    private const int SessionIdBytes = 16;

    /// <summary>Names a new web UI session on its identity, so that signing out can end it on the server (<c>ISessionGrain</c>).</summary>
    public static ClaimsIdentity WithNewSession(this ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        identity.AddClaim(new Claim(Session, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SessionIdBytes))));
        return identity;
    }

    public static ClaimsIdentity Identity(string authenticationType, string user, Role role, IEnumerable<string> teams) => new(
        [new Claim(User, user), new Claim(Role, role.ToString()), .. teams.Select(team => new Claim(Team, team))],
        authenticationType, User, Role);

    /// <summary>The caller of a request that passed authentication; null for an anonymous one.</summary>
    public static Caller? CallerOf(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var user = principal.FindFirstValue(User);
        var role = principal.FindFirstValue(Role);
        if (user is null || !Enum.TryParse<Role>(role, out var parsed))
        {
            return null;
        }

        return new Caller(user, parsed, [.. principal.FindAll(Team).Select(claim => claim.Value)]);
    }

    /// <summary>The caller of an endpoint that requires authentication.</summary>
    public static Caller Caller(this HttpContext context) =>
        CallerOf(context.User) ?? throw new InvalidOperationException("An endpoint without RequireAuthorization asked for its caller.");
}
