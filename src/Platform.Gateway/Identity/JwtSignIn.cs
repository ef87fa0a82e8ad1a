using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Gateway.Identity;

/// <summary>
/// JWT bearer sign-in: the token's signature, issuer, audience and lifetime are checked by
/// ASP.NET Core's handler; then the configured claims become the platform's user, teams and role.
/// A token whose user or team is not a valid name, or whose role is unknown, fails.
/// </summary>
public static class JwtSignIn
{
    public static void Configure(JwtBearerOptions options, JwtOptions jwt)
    {
        options.MapInboundClaims = false;
        options.Authority = string.IsNullOrEmpty(jwt.Authority) ? null : jwt.Authority;
        options.Audience = jwt.Audience;
        options.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeys = jwt.SigningKeys.Select(JwtKeys.Read).OfType<SecurityKey>().ToList(),
        };
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                context.Token = IdentitySchemes.BearerOf(context.Request);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var (identity, problem) = Map(context.Principal!, jwt);
                if (identity is null)
                {
                    context.Fail(problem!);
                }
                else
                {
                    context.Principal = new ClaimsPrincipal(identity);
                }

                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// The platform identity a validated token stands for, or why it has none. The OpenID Connect
    /// sign-in maps its id token here too, as a <see cref="IdentitySchemes.Cookie"/> session.
    /// </summary>
    public static (ClaimsIdentity? Identity, string? Problem) Map(ClaimsPrincipal principal, JwtOptions jwt, string authenticationType = IdentitySchemes.Jwt)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(jwt);
        var user = principal.FindFirst(jwt.UserClaim)?.Value;
        if (!IdentityNames.IsUser(user))
        {
            return (null, $"The token's '{jwt.UserClaim}' claim is not a user name: {IdentityNames.UserRule}.");
        }

        var teams = principal.FindAll(jwt.TeamsClaim).Select(claim => claim.Value).Distinct(StringComparer.Ordinal).ToList();
        if (teams.Count > IdentityNames.MaxTeamsPerCaller || teams.Any(team => !IdentityNames.IsTeam(team)))
        {
            return (null, $"The token's '{jwt.TeamsClaim}' claim must hold at most {IdentityNames.MaxTeamsPerCaller} team names, each {IdentityNames.TeamRule}.");
        }

        var role = jwt.DefaultRole;
        if (principal.FindFirst(jwt.RoleClaim)?.Value is { } named && !Roles.TryParse(named.ToLowerInvariant(), out role))
        {
            return (null, $"The token's '{jwt.RoleClaim}' claim must be admin, member or viewer, not '{named}'.");
        }

        return (PlatformClaims.Identity(authenticationType, user!, role, teams), null);
    }
}
