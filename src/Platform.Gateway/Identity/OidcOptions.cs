using Platform.Core.Settings;

namespace Platform.Gateway.Identity;

/// <summary>
/// The web UI's "Sign in with …" button (<c>Platform:Auth:Oidc</c>): OpenID Connect's authorization
/// code flow with PKCE against the site's identity provider. Off unless <see cref="Authority"/> and
/// <see cref="ClientId"/> are set. The claims that carry the user, the teams and the role are those of
/// <see cref="JwtOptions"/> (<c>Platform:Auth:Jwt:UserClaim</c>…), so a provider's token maps to the
/// same caller whichever way it comes in.
/// </summary>
public sealed class OidcOptions : ICheckedSettings
{
    public const string Section = "Platform:Auth:Oidc";

    /// <summary>The longest <see cref="DisplayName"/>: it is a button's label.</summary>
    public const int MaxDisplayNameLength = 64;

    /// <summary>The scopes asked for when <see cref="Scopes"/> is empty.</summary>
    public static readonly IReadOnlyList<string> DefaultScopes = ["openid", "profile", "email"];

    /// <summary>The provider's issuer URL; its discovery document (<c>/.well-known/openid-configuration</c>) gives the rest.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id the provider registered this platform under.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client's secret, for providers that make it a confidential client; PKCE alone otherwise.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The scopes to ask for; empty means <see cref="DefaultScopes"/>. Name the provider's groups scope
    /// here (with openid) when its id token carries the teams claim only on request.
    /// </summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>The provider's name on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "your identity provider";

    /// <summary>Only for an <see cref="Authority"/> on plain http, which a test provider may be.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrEmpty(Authority) && !string.IsNullOrEmpty(ClientId);

    /// <summary>The scopes the sign-in asks for: <see cref="Scopes"/>, or <see cref="DefaultScopes"/>.</summary>
    public IReadOnlyList<string> EffectiveScopes => Scopes.Count == 0 ? DefaultScopes : Scopes;

    public IReadOnlyList<string> Problems() => [.. Check()];

    private IEnumerable<string> Check()
    {
        if (string.IsNullOrEmpty(Authority) != string.IsNullOrEmpty(ClientId))
        {
            yield return string.IsNullOrEmpty(Authority)
                ? $"{Section}:Authority is required when {Section}:ClientId is set."
                : $"{Section}:ClientId is required when {Section}:Authority is set.";
        }

        if (!string.IsNullOrEmpty(Authority))
        {
            if (!Uri.TryCreate(Authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                yield return $"{Section}:Authority is '{Authority}'; it must be the provider's issuer URL (https://host[/path]).";
            }
            else if (uri.Scheme == "http" && RequireHttpsMetadata)
            {
                yield return $"{Section}:Authority is '{Authority}', plain http; use https, or set {Section}:RequireHttpsMetadata to false (tests only).";
            }
        }

        if (Scopes.Count > 0 && !Scopes.Contains("openid", StringComparer.Ordinal))
        {
            yield return $"{Section}:Scopes must include 'openid' (it is {string.Join(' ', Scopes)}).";
        }

        foreach (var scope in Scopes.Where(scope => string.IsNullOrWhiteSpace(scope) || scope.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))))
        {
            yield return $"{Section}:Scopes has '{scope}'; a scope is one word without spaces.";
        }

        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > MaxDisplayNameLength || DisplayName.Any(char.IsControl))
        {
            yield return $"{Section}:DisplayName must be 1 to {MaxDisplayNameLength} printable characters.";
        }
    }
}
