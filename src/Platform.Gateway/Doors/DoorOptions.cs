namespace Platform.Gateway.Doors;

/// <summary>The <c>Platform:AllowedOrigins</c> setting: pages of other sites trusted like the gateway's own.</summary>
public sealed class DoorOptions : Platform.Core.Settings.ICheckedSettings
{
    public const string Section = "Platform";

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>) whose pages may use the API, the hub and the notebook
    /// proxy besides the gateway's own; empty by default. Needed behind a proxy that terminates TLS,
    /// where the browser's <c>https://</c> origin is not the <c>http://</c> the gateway sees.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Every entry that is not an origin, each named; empty when all are good.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. AllowedOrigins
            .Where(origin => OriginRule.Parse(origin) is null)
            .Select(origin => $"Platform:AllowedOrigins has '{origin}'; each entry must be an origin: http:// or https://, a host and an optional port, no path."),
    ];
}
