using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Platform.Core.Notebooks;

namespace Platform.Gateway.Doors;

/// <summary>
/// The <c>Host</c> a request names must be one the gateway answers to, so a page of a domain that an
/// attacker re-points at this address (DNS rebinding) cannot read the API as if it were same-site.
/// Allowed: <c>AllowedHosts</c> when set (semicolons, <c>*.example.org</c> patterns, <c>*</c> for
/// any), else the names the gateway is bound to (see <see cref="BoundNames"/>); and, when
/// <c>Platform:Notebooks:OriginDomain</c> is set, that domain and each notebook's host under it.
/// </summary>
public sealed class HostRule(IConfiguration configuration, IServer server, IOptions<NotebookOptions> notebooks)
{
    public const string Setting = "AllowedHosts";

    private readonly Lazy<IList<StringSegment>> _allowed = new(() => Allowed(configuration, server));

    /// <summary>
    /// A refusal, or null when the request may go on. An empty Host (HTTP/1.0) passes. The refusal
    /// does not list the allowed names: they include the machine's addresses.
    /// </summary>
    public Refusal? Check(HostString host)
    {
        var allowed = _allowed.Value;
        if (!host.HasValue || allowed.Contains("*") || HostString.MatchesAny(host.Value, allowed) || IsNotebooks(host))
        {
            return null;
        }

        return new Refusal(StatusCodes.Status400BadRequest, "Unknown host",
            $"This gateway does not answer to the host '{host.Host}'. An operator adds names with the {Setting} setting " +
            "(semicolon-separated); by default it answers to the names it is bound to.");
    }

    /// <summary>
    /// Host names of the gateway's listening addresses. Loopback (<c>127.0.0.1</c>, <c>[::1]</c>,
    /// <c>localhost</c>) stands for all three; a wildcard address (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>,
    /// <c>+</c>) for them, this machine's name and its addresses; any other name or address for itself.
    /// </summary>
    public static IReadOnlyList<string> BoundNames(IEnumerable<string> addresses)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in addresses)
        {
            var host = HostOf(address);
            if (host is "*" or "+" or "0.0.0.0" or "[::]")
            {
                names.UnionWith(Loopback);
                names.UnionWith(ThisMachine());
            }
            else if (host is "localhost" or "[::1]" || host.StartsWith("127.", StringComparison.Ordinal))
            {
                names.UnionWith(Loopback);
                names.Add(host);
            }
            else if (host.Length > 0)
            {
                names.Add(host);
            }
        }

        return [.. names];
    }

    private bool IsNotebooks(HostString host) => notebooks.Value.OriginDomain is { Length: > 0 } domain &&
        (string.Equals(host.Host, domain, StringComparison.OrdinalIgnoreCase) || NotebookOrigins.IdOf(host.Host, domain) is not null);

    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    private static IList<StringSegment> Allowed(IConfiguration configuration, IServer server)
    {
        var configured = configuration[Setting]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var names = configured.Length > 0
            ? configured
            : BoundNames(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
        return [.. names.Select(name => new StringSegment(name))];
    }

    /// <summary>The host of <c>scheme://host:port[/base]</c>, IPv6 in brackets; the wildcards as they are.</summary>
    private static string HostOf(string address)
    {
        var rest = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        rest = rest.Split('/', 2)[0];
        var end = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.LastIndexOf(':');
        return (end > 0 ? rest[..end] : rest).ToLowerInvariant();
    }

    private static IEnumerable<string> ThisMachine()
    {
        yield return System.Net.Dns.GetHostName();
        foreach (var network in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var unicast in network.GetIPProperties().UnicastAddresses)
            {
                var ip = unicast.Address;
                if (!ip.IsIPv6LinkLocal)
                {
                    yield return ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
                }
            }
        }
    }
}
