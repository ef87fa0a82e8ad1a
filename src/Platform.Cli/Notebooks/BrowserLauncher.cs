using System.ComponentModel;
using System.Diagnostics;

namespace Platform.Cli.Notebooks;

/// <summary>Opens a URL in the user's browser if there is one; never fails the command over it.</summary>
public static class BrowserLauncher
{
    /// <returns>True when a browser was started.</returns>
    public static bool TryOpen(Uri url)
    {
        try
        {
            return OperatingSystem.IsWindows() ? OpenOnWindows(url) : OpenOnUnix(url);
        }
        catch (Exception exception) when (exception is Win32Exception or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    private static bool OpenOnUnix(Uri url)
    {
        var command = BrowserCommand.Choose(Environment.GetEnvironmentVariable, File.Exists, OperatingSystem.IsMacOS());
        if (command is null)
        {
            return false;
        }

        // In the background with its own stdin and outputs: a browser outlives this command and must
        // not hold its terminal or the pipe a script reads the URL from.
        using var shell = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{command} </dev/null >/dev/null 2>&1 &", "platform-browser", url.ToString()])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        shell.WaitForExit();
        return shell.ExitCode == 0;
    }

    private static bool OpenOnWindows(Uri url)
    {
        using var browser = Process.Start(new ProcessStartInfo(url.ToString()) { UseShellExecute = true });
        return true;
    }
}
