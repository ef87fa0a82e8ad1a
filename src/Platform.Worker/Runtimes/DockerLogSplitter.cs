using System.Globalization;
using System.Text;
using Platform.Contracts.Logs;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Turns Docker's timestamped, multiplexed log chunks into lines, keeping stdout and stderr apart.
/// Lines are numbered from 1 in the order Docker returns them, which is the same every time the
/// log is read; those up to <c>shipped</c> were stored before (by an earlier follower) and dropped.
/// </summary>
public sealed class DockerLogSplitter(string task, string source, long shipped)
{
    private long _offset;

    /// <summary>Complete lines seen so far, those skipped as already shipped included.</summary>
    public long Lines => _offset;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Decoder _stdoutDecoder = Encoding.UTF8.GetDecoder();
    private readonly Decoder _stderrDecoder = Encoding.UTF8.GetDecoder();

    public IEnumerable<LogEntry> Add(bool isStderr, ReadOnlySpan<byte> chunk)
    {
        var pending = isStderr ? _stderr : _stdout;
        var decoder = isStderr ? _stderrDecoder : _stdoutDecoder;
        var chars = new char[decoder.GetCharCount(chunk, flush: false)];
        decoder.GetChars(chunk, chars, flush: false);
        pending.Append(chars);

        var entries = new List<LogEntry>();
        var text = pending.ToString();
        var start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            AddLine(entries, isStderr, text.AsSpan(start, newline - start));
            start = newline + 1;
        }

        pending.Clear().Append(text, start, text.Length - start);
        return entries;
    }

    public IEnumerable<LogEntry> Flush()
    {
        var entries = new List<LogEntry>();
        if (_stdout.Length > 0)
        {
            AddLine(entries, false, _stdout.ToString());
        }

        if (_stderr.Length > 0)
        {
            AddLine(entries, true, _stderr.ToString());
        }

        _stdout.Clear();
        _stderr.Clear();
        return entries;
    }

    /// <summary>Parses Docker's RFC 3339 timestamps, whose nine fractional digits .NET does not take.</summary>
    public static bool TryParseTimestamp(string text, out DateTimeOffset time)
    {
        var dot = text.IndexOf('.');
        var end = text.IndexOfAny(['Z', '+'], Math.Max(dot, 0));
        if (dot > 0 && end > dot + 8)
        {
            text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private void AddLine(List<LogEntry> entries, bool isStderr, ReadOnlySpan<char> line)
    {
        var space = line.IndexOf(' ');
        var time = DateTimeOffset.UtcNow;
        if (space > 0 && TryParseTimestamp(line[..space].ToString(), out var parsed))
        {
            time = parsed;
            line = line[(space + 1)..];
        }

        if (++_offset <= shipped)
        {
            return;
        }

        entries.Add(new LogEntry(task, isStderr ? "stderr" : "stdout", time, line.TrimEnd('\r').ToString(), source, _offset));
    }
}
