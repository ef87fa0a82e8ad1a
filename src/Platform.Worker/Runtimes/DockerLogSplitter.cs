using System.Globalization;
using System.Text;
using Platform.Contracts.Logs;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Turns Docker's timestamped, multiplexed log frames into lines, keeping stdout and stderr apart.
/// Every frame is one message of the engine, <c>TIMESTAMP payload</c>; the engine splits a line
/// longer than its buffer (16 KiB) into several messages, each with its own timestamp, so a frame
/// that ends without a newline continues the line in that stream's next frame, whose timestamp is
/// dropped. A line longer than <see cref="LineCutter.MaxPartBytes"/> is shipped in parts marked
/// <see cref="LogEntry.Continued"/>. Lines (and parts) are numbered from 1 in the order Docker
/// returns them, which is the same every time the log is read; those up to <c>shipped</c> were
/// stored before (by an earlier follower) and dropped.
/// </summary>
public sealed class DockerLogSplitter(string task, string source, long shipped)
{
    /// <summary>The longest timestamp header looked for at the start of a frame, its space included.</summary>
    private const int MaxHeaderBytes = 40;

    private readonly StreamState _stdout = new();
    private readonly StreamState _stderr = new();
    private readonly List<LinePart> _parts = [];
    private long _offset;

    /// <summary>Lines and parts seen so far, those skipped as already shipped included.</summary>
    public long Lines => _offset;

    /// <summary>
    /// The engine's <c>since</c> (Unix seconds and nanoseconds) that reopens the log at the line
    /// each stream is in: the earliest of the streams' last frame timestamps. Null before any frame,
    /// or for a timestamp that is not the engine's UTC format.
    /// </summary>
    public string? Since => new[] { _stdout.FrameStamp, _stderr.FrameStamp }.Where(stamp => stamp is not null).Min(StringComparer.Ordinal) is { Length: > 20 } stamp
        && stamp[19] == '.' && stamp[^1] == 'Z'
        && DateTimeOffset.TryParse(stamp[..19] + "Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var seconds)
        ? string.Create(CultureInfo.InvariantCulture, $"{seconds.ToUnixTimeSeconds()}.{stamp[20..^1].PadRight(9, '0')}")
        : null;

    /// <summary>
    /// Adds bytes of one stream. <paramref name="frameEnds"/>: they end an engine frame, so the
    /// stream's next bytes start with a timestamp even when no newline came.
    /// </summary>
    public IReadOnlyList<LogEntry> Add(bool isStderr, ReadOnlySpan<byte> chunk, bool frameEnds = false)
    {
        var state = isStderr ? _stderr : _stdout;
        var entries = new List<LogEntry>();
        while (!chunk.IsEmpty)
        {
            if (state.AtFrameStart)
            {
                chunk = ReadHeader(state, chunk, isStderr, entries);
                continue;
            }

            if (state.Skipping)
            {
                var end = chunk.IndexOf((byte)'\n');
                state.Skipping = end < 0;
                state.AtFrameStart = end >= 0;
                chunk = end < 0 ? [] : chunk[(end + 1)..];
                continue;
            }

            if (state.ResumeSkip > 0 && state.FrameStamp == state.ResumeStamp)
            {
                // Bytes of this line an earlier read took in: skipped, also across the frames it spans.
                // A newline while the line is still open was never taken in: the engine rotated away
                // the line's start, so fewer bytes come again than were taken, and the line ends here.
                var span = (int)Math.Min(state.ResumeSkip, chunk.Length);
                var end = chunk[..span].IndexOf((byte)'\n');
                var open = !state.Cutter.IsEmpty;
                var skip = end < 0 ? span : open ? end : end + 1;
                state.ResumeSkip = end >= 0 && open ? 0 : state.ResumeSkip - skip;
                state.AtFrameStart = end >= 0 && !open;
                chunk = chunk[skip..];
                continue;
            }

            var newline = chunk.IndexOf((byte)'\n');
            var content = newline >= 0 ? chunk[..(newline + 1)] : chunk;
            AddContent(state, content, isStderr, entries);
            state.StampBytes += content.Length;
            state.AtFrameStart = newline >= 0;
            chunk = chunk[content.Length..];
        }

        if (frameEnds)
        {
            state.Skipping = false;
            if (state.HeaderLength > 0)
            {
                AddContent(state, state.TakeHeader(), isStderr, entries);
            }

            state.AtFrameStart = true;
        }

        return entries;
    }

    /// <summary>
    /// A new read of the log starts (at <see cref="Since"/>): frames start afresh. The engine gives
    /// every frame of one line the same timestamp, so a stream skips the frames stamped before the
    /// line it was in, and of that line the bytes it took in already.
    /// </summary>
    public void Reopen()
    {
        foreach (var state in new[] { _stdout, _stderr })
        {
            (state.ResumeStamp, state.ResumeSkip) = (state.FrameStamp, state.StampBytes);
            (state.AtFrameStart, state.Skipping, state.HeaderLength) = (true, false, 0);
        }
    }

    public IReadOnlyList<LogEntry> Flush()
    {
        var entries = new List<LogEntry>();
        Flush(_stdout, false, entries);
        Flush(_stderr, true, entries);
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

    /// <summary>Collects a frame's <c>TIMESTAMP </c> header; bytes that turn out not to be one are the line's text.</summary>
    private ReadOnlySpan<byte> ReadHeader(StreamState state, ReadOnlySpan<byte> chunk, bool isStderr, List<LogEntry> entries)
    {
        var end = chunk.IndexOfAny((byte)' ', (byte)'\n');
        var take = end >= 0 ? end + 1 : chunk.Length;
        take = Math.Min(take, MaxHeaderBytes - state.HeaderLength);
        chunk[..take].CopyTo(state.Header.AsSpan(state.HeaderLength));
        state.HeaderLength += take;
        var last = state.Header[state.HeaderLength - 1];
        if (last != (byte)' ' && last != (byte)'\n' && state.HeaderLength < MaxHeaderBytes)
        {
            return chunk[take..];
        }

        state.AtFrameStart = false;
        var header = state.TakeHeader();
        var stamp = Encoding.ASCII.GetString(header[..^1]);
        if (last != (byte)' ' || !TryParseTimestamp(stamp, out var time))
        {
            state.FrameTime = DateTimeOffset.UtcNow;
            AddContent(state, header, isStderr, entries);
            state.AtFrameStart = last == (byte)'\n';
            return chunk[take..];
        }

        if (state.ResumeStamp is { } resume && string.CompareOrdinal(stamp, resume) < 0)
        {
            state.Skipping = true;
            return chunk[take..];
        }

        if (stamp != state.FrameStamp)
        {
            (state.FrameStamp, state.StampBytes) = (stamp, 0);
        }

        state.FrameTime = time;
        return chunk[take..];
    }

    /// <summary>Bytes of one frame: each part they complete gets the time of the frame it began in.</summary>
    private void AddContent(StreamState state, ReadOnlySpan<byte> content, bool isStderr, List<LogEntry> entries)
    {
        var firstTime = state.Cutter.IsEmpty ? state.FrameTime : state.PartTime;
        state.Cutter.Add(content, _parts);
        for (var i = 0; i < _parts.Count; i++)
        {
            AddLine(entries, isStderr, _parts[i], i == 0 ? firstTime : state.FrameTime);
        }

        state.PartTime = _parts.Count == 0 ? firstTime : state.FrameTime;
        _parts.Clear();
    }

    private void Flush(StreamState state, bool isStderr, List<LogEntry> entries)
    {
        if (state.HeaderLength > 0)
        {
            AddContent(state, state.TakeHeader(), isStderr, entries);
        }

        if (state.Cutter.Flush() is { } part)
        {
            AddLine(entries, isStderr, part, state.PartTime);
        }

        state.AtFrameStart = true;
    }

    private void AddLine(List<LogEntry> entries, bool isStderr, LinePart part, DateTimeOffset time)
    {
        if (++_offset <= shipped)
        {
            return;
        }

        entries.Add(new LogEntry(task, isStderr ? "stderr" : "stdout", time, part.Text, source, _offset, part.Continued));
    }

    /// <summary>What one stream has read but not yet shipped.</summary>
    private sealed class StreamState
    {
        public LineCutter Cutter { get; } = new();

        public byte[] Header { get; } = new byte[MaxHeaderBytes];

        public int HeaderLength { get; set; }

        public bool AtFrameStart { get; set; } = true;

        public DateTimeOffset FrameTime { get; set; }

        public DateTimeOffset PartTime { get; set; }

        /// <summary>In a frame an earlier read took in already, up to its end.</summary>
        public bool Skipping { get; set; }

        /// <summary>The timestamp of the stream's last frame: every frame of one line has the same.</summary>
        public string? FrameStamp { get; set; }

        /// <summary>Bytes taken in from frames with <see cref="FrameStamp"/>.</summary>
        public long StampBytes { get; set; }

        /// <summary>Where the last read stopped: the line's timestamp, and the bytes of it still to skip.</summary>
        public string? ResumeStamp { get; set; }

        public long ResumeSkip { get; set; }

        public byte[] TakeHeader()
        {
            var header = Header.AsSpan(0, HeaderLength).ToArray();
            HeaderLength = 0;
            return header;
        }
    }
}
