namespace Platform.Cli.Gateway;

/// <summary>Reads the <c>rel="next"</c> address of an RFC 8288 <c>Link</c> header, as the job list pages.</summary>
public static class LinkHeader
{
    /// <summary>The next page's path relative to the gateway (no leading '/'), or null.</summary>
    public static string? Next(string? header)
    {
        foreach (var link in (header ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = link.Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length > 1 && parts[0].StartsWith('<') && parts[0].EndsWith('>') &&
                parts.Skip(1).Any(parameter => parameter.Replace(" ", "", StringComparison.Ordinal) is "rel=\"next\"" or "rel=next"))
            {
                return parts[0][1..^1].TrimStart('/');
            }
        }

        return null;
    }
}
