using Platform.Contracts.Identity;
using Platform.Core.Settings;

namespace Platform.Gateway.Identity;

/// <summary>
/// OpenID Connect / JWT bearer sign-in (<c>Platform:Auth:Jwt</c>), for sites with an identity
/// provider. Off unless <see cref="Authority"/> or <see cref="SigningKeys"/> is set. Which claims
/// carry the user, the teams and the role is configuration, since every provider names them its own way.
/// </summary>
public sealed class JwtOptions : ICheckedSettings
{
    public const string Section = "Platform:Auth:Jwt";

    /// <summary>The provider's issuer URL; its discovery document gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>iss</c> to accept when no <see cref="Authority"/> is set.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> this platform is; required.</summary>
    public string? Audience { get; set; }

    /// <summary>PEM public keys (RSA or EC) that sign the tokens, when there is no discovery document.</summary>
    public List<string> SigningKeys { get; set; } = [];

    public string UserClaim { get; set; } = "sub";

    public string TeamsClaim { get; set; } = "groups";

    public string RoleClaim { get; set; } = "role";

    /// <summary>The role of a token that carries none.</summary>
    public Role DefaultRole { get; set; } = Role.Viewer;

    /// <summary>Only for an <see cref="Authority"/> on plain http, which a test provider may be.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrEmpty(Authority) || SigningKeys.Count > 0;

    public IReadOnlyList<string> Problems() => [.. Check()];

    private IEnumerable<string> Check()
    {
        // The claim names serve the OpenID Connect sign-in too (Platform:Auth:Oidc), so they are checked even when JWT sign-in is off.
        foreach (var (name, value) in new[] { (nameof(UserClaim), UserClaim), (nameof(TeamsClaim), TeamsClaim), (nameof(RoleClaim), RoleClaim) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return $"{Section}:{name} must name a claim.";
            }
        }

        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return $"{Section}:Audience is required when JWT sign-in is on.";
        }

        if (string.IsNullOrEmpty(Authority) && string.IsNullOrWhiteSpace(Issuer))
        {
            yield return $"{Section}:Issuer is required when the signing keys are given without an Authority.";
        }

        for (var i = 0; i < SigningKeys.Count; i++)
        {
            if (JwtKeys.Read(SigningKeys[i]) is null)
            {
                yield return $"{Section}:SigningKeys:{i} is not a PEM public key (RSA or EC).";
            }
        }
    }
}
