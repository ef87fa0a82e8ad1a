namespace Platform.Cli.Gateway;

/// <summary>
/// The CLI's token file: <c>$XDG_CONFIG_HOME/platform/token</c>, else <c>~/.config/platform/token</c>,
/// one token on its first line. run.sh writes the admin token there; a person may put their own.
/// </summary>
public static class TokenFile
{
    public static string Path
    {
        get
        {
            var config = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (string.IsNullOrWhiteSpace(config))
            {
                config = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
            }

            return System.IO.Path.Combine(config, "platform", "token");
        }
    }

    /// <summary>The token in the file, or null when there is no file.</summary>
    public static string? Read()
    {
        var path = Path;
        if (!File.Exists(path))
        {
            return null;
        }

        // A token is one short line: a bigger file is not one, and is not read whole.
        using var reader = new StreamReader(path);
        var buffer = new char[16 * 1024 + 2];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var text = new string(buffer, 0, read).Split('\n', 2)[0].Trim();
        return text.Length is > 0 and <= 16 * 1024 ? text : null;
    }
}
