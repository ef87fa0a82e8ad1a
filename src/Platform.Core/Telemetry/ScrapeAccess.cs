using System.Security.Cryptography;
using System.Text;
using Platform.Contracts.Identity;

namespace Platform.Core.Telemetry;

/// <summary>
/// Who may read <c>/metrics/prometheus</c>: an admin (the platform's own sign-in), or Prometheus with
/// the scrape token (<c>authorization.credentials_file</c>), compared in constant time. Metrics name
/// nodes and jobs' counts, so a member or viewer is refused like a stranger's guess.
/// </summary>
public static class ScrapeAccess
{
    /// <param name="callerRole">The signed-in caller's role; null for a request no scheme signed in.</param>
    /// <param name="authorization">The request's <c>Authorization</c> header, if any.</param>
    /// <param name="scrapeToken">The configured scrape token; null or empty when none is configured.</param>
    public static ScrapeDecision Decide(Role? callerRole, string? authorization, string? scrapeToken)
    {
        if (callerRole == Role.Admin)
        {
            return ScrapeDecision.Allowed;
        }

        if (!string.IsNullOrEmpty(scrapeToken) && Bearer(authorization) is { } presented && SameToken(presented, scrapeToken))
        {
            return ScrapeDecision.Allowed;
        }

        return callerRole is null ? ScrapeDecision.Unauthorized : ScrapeDecision.Forbidden;
    }

    /// <summary>The token of a <c>Bearer</c> header (scheme case-insensitive), or null.</summary>
    public static string? Bearer(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : null;
    }

    /// <summary>Compares digests, so neither the content nor the length of the token leaks through timing.</summary>
    private static bool SameToken(string presented, string expected) => CryptographicOperations.FixedTimeEquals(
        SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
