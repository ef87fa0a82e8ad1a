using Platform.Core.Settings;

namespace Platform.Core.Telemetry;

/// <summary>
/// <c>Platform:Metrics</c>: who besides an admin may read <c>/metrics/prometheus</c>, and on silos of
/// cluster mode (which serve no HTTP otherwise) the port that serves it.
/// </summary>
public sealed class MetricsOptions : ICheckedSettings
{
    public const string Section = "Platform:Metrics";

    /// <summary>The meter every platform instrument is created under, in the silo and in the gateway.</summary>
    public const string MeterName = "Platform";

    /// <summary>How long the gateway's state gauges reuse one read of the control plane: 5 s.</summary>
    public static readonly TimeSpan SnapshotMaxAge = TimeSpan.FromSeconds(5);

    /// <summary>The path of the scrape endpoint on the gateway and on a silo's metrics port.</summary>
    public const string Path = "/metrics/prometheus";

    /// <summary>A file holding the bearer token Prometheus presents (its <c>authorization.credentials_file</c>); none by default (admins only).</summary>
    public string? ScrapeTokenPath { get; set; }

    /// <summary>Silos only: a port on <c>Platform:Silo:Address</c> serving <see cref="Path"/>, 1-65535; off when unset.</summary>
    public int? Port { get; set; }

    public IReadOnlyList<string> Problems() => [.. Check()];

    private IEnumerable<string> Check()
    {
        if (Port is < 1 or > 65535)
        {
            yield return $"{Section}:Port must be 1-65535 (it was {Port}).";
        }

        if (Port is not null && string.IsNullOrEmpty(ScrapeTokenPath))
        {
            yield return $"{Section}:Port serves the scrape token only: set {Section}:ScrapeTokenPath too.";
        }

        if (!string.IsNullOrEmpty(ScrapeTokenPath) && ScrapeTokenFile.Read(ScrapeTokenPath) is null)
        {
            yield return $"{Section}:ScrapeTokenPath must name a file holding a token of 1-{ScrapeTokenFile.MaxBytes} bytes ({ScrapeTokenPath} is missing, empty or larger).";
        }
    }
}
