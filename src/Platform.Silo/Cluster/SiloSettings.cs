using System.Net;

namespace Platform.Silo.Cluster;

/// <summary>The <c>Platform:Silo</c> section: where a cluster's silo listens and what it tells the others.</summary>
public sealed class SiloSettings
{
    public const string Section = "Platform:Silo";

    /// <summary>The IP address the silo listens on and advertises (its LAN address, or 127.0.0.x on one machine).</summary>
    public string? Address { get; set; }

    /// <summary>What this silo lacks to start in cluster mode, each naming its key.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Address))
        {
            return [$"{Section}:{nameof(Address)} must name the IP address this silo listens on and other processes reach it at (e.g. 10.0.0.5) in cluster mode."];
        }

        return IPAddress.TryParse(Address, out var address) && !address.Equals(IPAddress.Any) && !address.Equals(IPAddress.IPv6Any)
            ? []
            : [$"{Section}:{nameof(Address)} is '{Address}': it must be one IP address of this machine that the others can reach, not a name or 0.0.0.0."];
    }
}
