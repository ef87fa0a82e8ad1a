using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs;

/// <summary>The opaque <c>cursor</c> of <c>GET /api/jobs</c>: where the previous page ended, base64url.</summary>
public static class JobCursors
{
    /// <summary>Longer than any cursor <see cref="Format"/> writes; a longer one is refused unread.</summary>
    public const int MaxLength = 200;

    public static string Format(JobCursor cursor) => Base64Url.EncodeToString(
        Encoding.UTF8.GetBytes($"{cursor.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{cursor.JobId}"));

    public static bool TryParse(string text, out JobCursor? cursor)
    {
        cursor = null;
        if (text.Length is 0 or > MaxLength || !Base64Url.IsValid(text))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(':', 2);
        if (parts.Length != 2 || parts[1].Length == 0 ||
            !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ||
            ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new JobCursor(new DateTimeOffset(ticks, TimeSpan.Zero), parts[1]);
        return true;
    }
}
