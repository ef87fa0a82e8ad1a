using System.Text.RegularExpressions;

namespace Platform.Core.Notebooks;

/// <summary>
/// Where a notebook lives when <see cref="NotebookOptions.OriginDomain"/> is set: on its own host
/// <c>{id}.{domain}</c>, so a browser keeps its pages apart from the gateway's and from every other
/// notebook's (JupyterHub's subdomains). Jupyter keeps its base path <c>/notebooks/{id}/</c> there,
/// as JupyterHub keeps <c>/user/{name}/</c> on a user's subdomain.
/// </summary>
public static partial class NotebookOrigins
{
    /// <summary>On a notebook's host: takes a sign-in ticket and sets the notebook's cookie.</summary>
    public const string SignInPath = "/_platform/signin";

    /// <summary>The ticket's query parameter on <see cref="SignInPath"/>.</summary>
    public const string TicketParameter = "ticket";

    public const string DomainRule = "dot-separated labels of a-z, 0-9 and '-', each 1 to 63 characters";

    /// <summary>Longest host name DNS allows.</summary>
    public const int MaxHostLength = 253;

    public static bool IsDomain(string? domain) => domain is { Length: > 0 and <= MaxHostLength } && Domain().IsMatch(domain);

    /// <summary>The notebook id a host names (<c>{id}.{domain}</c>, any case, port ignored), or null for any other host.</summary>
    /// <param name="host">The request's host without its port.</param>
    /// <param name="domain">The configured origin domain; null or empty: no host is a notebook's.</param>
    public static string? IdOf(string? host, string? domain)
    {
        if (string.IsNullOrEmpty(domain) || host is null || host.Length > MaxHostLength ||
            !host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var id = host[..^(domain.Length + 1)].ToLowerInvariant();
        return Label().IsMatch(id) ? id : null;
    }

    /// <summary>The notebook's origin: <c>{scheme}://{id}.{domain}[:{port}]</c>, the port left out when it is the scheme's default.</summary>
    public static string OriginOf(string notebookId, string domain, string scheme, int? port) => Origin($"{notebookId}.{domain}", scheme, port);

    /// <summary>The notebook's url: its origin and Jupyter's base path.</summary>
    public static string UrlOf(string notebookId, string domain, string scheme, int? port) =>
        OriginOf(notebookId, domain, scheme, port) + NotebookPaths.BaseOf(notebookId);

    /// <summary>The gateway's own origin seen from a notebook's: the domain itself, same scheme and port.</summary>
    public static string GatewayOriginOf(string domain, string scheme, int? port) => Origin(domain, scheme, port);

    /// <summary>On the gateway's origin: checks the session and the owner, then sends the browser to the notebook with a ticket.</summary>
    public static string AuthorizePathOf(string notebookId) => NotebookPaths.Of(notebookId, "authorize");

    private static string Origin(string host, string scheme, int? port) =>
        port is null || (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
            ? $"{scheme}://{host}"
            : $"{scheme}://{host}:{port}";

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\z")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*\z")]
    private static partial Regex Domain();
}
