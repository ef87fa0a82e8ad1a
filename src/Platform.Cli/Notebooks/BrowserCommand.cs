namespace Platform.Cli.Notebooks;

/// <summary>
/// Which command opens a URL in the user's browser on Linux and macOS, decided from the
/// environment alone: the first entry of <c>$BROWSER</c> (entries split by ':', as Python's
/// webbrowser reads it; <c>%s</c> stands for the URL, else it is appended) whose program exists,
/// else <c>xdg-open</c> when there is a display, else <c>open</c> on macOS; null when nothing fits.
/// </summary>
public static class BrowserCommand
{
    public const string Variable = "BROWSER";

    /// <summary>A shell command line in which <c>"$1"</c> is the URL.</summary>
    public static string? Choose(Func<string, string?> environment, Func<string, bool> fileExists, bool isMacOs)
    {
        var path = (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        bool Exists(string program) => program.Contains('/') ? fileExists(program) : path.Any(folder => fileExists(Path.Combine(folder, program)));

        foreach (var entry in (environment(Variable) ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var program = entry.Split(' ', 2)[0];
            if (Exists(program))
            {
                return entry.Contains("%s", StringComparison.Ordinal) ? entry.Replace("%s", "\"$1\"", StringComparison.Ordinal) : $"{entry} \"$1\"";
            }
        }

        if (isMacOs)
        {
            return Exists("open") ? "open \"$1\"" : null;
        }

        // Without a display xdg-open falls back to a text browser, which has no terminal here.
        var display = !string.IsNullOrEmpty(environment("DISPLAY")) || !string.IsNullOrEmpty(environment("WAYLAND_DISPLAY"));
        return display && Exists("xdg-open") ? "xdg-open \"$1\"" : null;
    }
}
