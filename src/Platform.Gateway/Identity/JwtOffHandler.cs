using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Identity;

/// <summary>What answers a JWT when no identity provider is configured: it fails, saying so.</summary>
public sealed class JwtOffHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(
        IdentitySchemes.BearerOf(Request) is null
            ? AuthenticateResult.NoResult()
            : AuthenticateResult.Fail($"JWT sign-in is not configured ({JwtOptions.Section}); use an API token."));
}
