using System.Data.Common;
using Platform.Contracts.Logs;

namespace Platform.Grains.Logs;

/// <summary>Reading a page of log lines, the same for the SQLite and the PostgreSQL store.</summary>
public static class LogPageRows
{
    /// <summary>A page ends at this much text (4 Mi characters) whatever its limit, after at least one line.</summary>
    public const int MaxPageCharacters = 4 * 1024 * 1024;

    /// <summary>Lines from rows of (seq, task, stream, time in UTC ticks, text, continued).</summary>
    public static async Task<IReadOnlyList<LogLine>> ReadAsync(DbDataReader reader)
    {
        var lines = new List<LogLine>();
        long characters = 0;
        // 10,000 lines of 64 KiB would not fit one message.
        while (characters < MaxPageCharacters && await reader.ReadAsync())
        {
            var text = reader.GetString(4);
            characters += text.Length;
            lines.Add(new LogLine(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), text, reader.GetBoolean(5)));
        }

        return lines;
    }
}
