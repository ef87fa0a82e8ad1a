using System.Globalization;

namespace Platform.Worker.Runtimes;

/// <summary>The numeric <c>uid:gid</c> tasks run as (<c>Platform:Worker:TaskUser</c>).</summary>
public sealed record TaskUser(int Uid, int Gid)
{
    /// <summary>The largest id accepted: Linux ids are 32-bit, and -1 means "unchanged" to chown.</summary>
    public const int MaxId = int.MaxValue;

    /// <summary>Parses <c>uid:gid</c> or <c>uid</c> (then gid = uid); null for an unset value; false for anything else.</summary>
    public static bool TryParse(string? text, out TaskUser? user)
    {
        user = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parts = text.Split(':');
        if (parts.Length > 2 || !TryParseId(parts[0], out var uid))
        {
            return false;
        }

        var gid = uid;
        if (parts.Length == 2 && !TryParseId(parts[1], out gid))
        {
            return false;
        }

        user = new TaskUser(uid, gid);
        return true;
    }

    /// <summary>The <c>User</c> of a container: numbers, so the image needs no such user.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uid}:{Gid}");

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);
}
