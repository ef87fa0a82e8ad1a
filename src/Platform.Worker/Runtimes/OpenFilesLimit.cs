using System.Globalization;

namespace Platform.Worker.Runtimes;

/// <summary>The agent's own open-files limit, as the kernel reports it in <c>/proc/self/limits</c>.</summary>
public static class OpenFilesLimit
{
    /// <summary>The hard limit; null where it cannot be read or is unlimited.</summary>
    public static long? HardOfThisProcess()
    {
        try
        {
            return Parse(File.ReadAllLines("/proc/self/limits"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The hard limit from the lines of a <c>/proc/PID/limits</c> file.</summary>
    public static long? Parse(IEnumerable<string> limits)
    {
        var line = limits.FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: >= 2 } && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var hard) ? hard : null;
    }
}
