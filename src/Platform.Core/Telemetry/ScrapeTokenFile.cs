namespace Platform.Core.Telemetry;

/// <summary>
/// Reads the scrape token file (<c>Platform:Metrics:ScrapeTokenPath</c>) on each check, so a token
/// rotated on disk applies at the next scrape without a restart, as Prometheus re-reads its
/// <c>credentials_file</c>.
/// </summary>
public static class ScrapeTokenFile
{
    /// <summary>A bearer token is a line of text; a larger file is a wrong path, and is not read.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The token (surrounding whitespace, such as a final newline, removed); null when no path is set or the file is missing, empty or over <see cref="MaxBytes"/>.</summary>
    public static string? Read(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var file = new FileInfo(path);
        if (!file.Exists || file.Length > MaxBytes)
        {
            return null;
        }

        var token = File.ReadAllText(path).Trim();
        return token.Length == 0 ? null : token;
    }
}
