using System.Text;
using Platform.Contracts.Logs;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

[Collection(MemoryBoundCollection.Name)]
public class DockerLogSplitterTests
{
    private const string T1 = "2025-03-04T05:06:07.123456789Z";
    private const string T2 = "2025-03-04T05:06:08.000000001Z";
    private const string T3 = "2025-03-04T05:06:09.999999999Z";

    private static readonly DateTimeOffset Time1 = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void Line_split_across_chunks_comes_out_whole_once_its_newline_arrives()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        var first = splitter.Add(false, Utf8($"{T1} hel"));
        var second = splitter.Add(false, Utf8("lo wor"));
        var third = splitter.Add(false, Utf8($"ld\n{T2} next\n"));

        Assert.Empty(first);
        Assert.Empty(second);
        Assert.Equal(["hello world", "next"], third.Select(entry => entry.Text));
    }

    [Fact]
    public void Stdout_and_stderr_are_kept_apart_even_when_their_chunks_interleave()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        var entries = new List<LogEntry>();
        entries.AddRange(splitter.Add(false, Utf8($"{T1} out-")));
        entries.AddRange(splitter.Add(true, Utf8($"{T2} err-")));
        entries.AddRange(splitter.Add(false, Utf8("line\n")));
        entries.AddRange(splitter.Add(true, Utf8("line\n")));

        Assert.Equal(
            [("stdout", "out-line"), ("stderr", "err-line")],
            entries.Select(entry => (entry.Stream, entry.Text)));
        Assert.All(entries, entry => Assert.Equal("worker-0", entry.Task));
    }

    [Fact]
    public void Docker_timestamp_with_nine_fraction_digits_becomes_the_line_time()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        var entry = Assert.Single(splitter.Add(false, Utf8($"{T1} epoch 1 loss 0.5\n")));

        Assert.Equal(Time1, entry.Time);
        Assert.Equal(TimeSpan.Zero, entry.Time.Offset);
        Assert.Equal("epoch 1 loss 0.5", entry.Text);
    }

    [Theory]
    [InlineData("2025-03-04T05:06:07.123456789Z", "2025-03-04T05:06:07.1234567+00:00")]
    [InlineData("2025-03-04T05:06:07.1Z", "2025-03-04T05:06:07.1000000+00:00")]
    [InlineData("2025-03-04T05:06:07Z", "2025-03-04T05:06:07.0000000+00:00")]
    [InlineData("2025-03-04T05:06:07.123456789+02:00", "2025-03-04T03:06:07.1234567+00:00")]
    public void Rfc3339_timestamps_parse_to_utc(string text, string expected)
    {
        Assert.True(DockerLogSplitter.TryParseTimestamp(text, out var time));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
    }

    [Fact]
    public void Text_that_is_not_a_timestamp_does_not_parse() =>
        Assert.False(DockerLogSplitter.TryParseTimestamp("hello", out _));

    [Fact]
    public void Lines_are_numbered_from_one_and_those_already_shipped_are_dropped()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 2);

        var entries = splitter.Add(false, Utf8($"{T1} first\n{T2} second\n{T3} third\n"));
        var more = splitter.Add(true, Utf8($"{T3} fourth\n"));

        Assert.Equal([("third", 3L), ("fourth", 4L)], entries.Concat(more).Select(entry => (entry.Text, entry.Offset)));
        Assert.All(entries.Concat(more), entry => Assert.Equal("c-1", entry.Source));
    }

    [Fact]
    public void Partial_last_line_is_flushed_at_the_end_of_the_stream()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        Assert.Equal(["done"], splitter.Add(false, Utf8($"{T1} done\n{T2} no newline")).Select(entry => entry.Text));
        var flushed = Assert.Single(splitter.Flush());

        Assert.Equal("no newline", flushed.Text);
        Assert.Equal("stdout", flushed.Stream);
        Assert.Empty(splitter.Flush());
    }

    [Fact]
    public void Partial_lines_of_both_streams_are_flushed()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        splitter.Add(false, Utf8($"{T1} out"));
        splitter.Add(true, Utf8($"{T2} err"));

        Assert.Equal([("stdout", "out"), ("stderr", "err")], splitter.Flush().Select(entry => (entry.Stream, entry.Text)));
    }

    [Fact]
    public void Carriage_return_before_newline_is_trimmed()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        var entries = splitter.Add(false, Utf8($"{T1} windows line\r\n{T2} \r\n"));

        Assert.Equal(["windows line", ""], entries.Select(entry => entry.Text));
    }

    [Fact]
    public void Multi_byte_character_split_between_two_chunks_is_decoded_whole()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var bytes = Utf8($"{T1} naïve €uro 🚀\n");
        var euro = Array.IndexOf(bytes, (byte)0xE2);
        var rocket = Array.IndexOf(bytes, (byte)0xF0);

        var entries = new List<LogEntry>();
        entries.AddRange(splitter.Add(false, bytes.AsSpan(0, euro + 1)));
        entries.AddRange(splitter.Add(false, bytes.AsSpan(euro + 1, rocket + 2 - (euro + 1))));
        entries.AddRange(splitter.Add(false, bytes.AsSpan(rocket + 2)));

        Assert.Equal(["naïve €uro 🚀"], entries.Select(entry => entry.Text));
    }

    [Fact]
    public void Line_without_a_timestamp_keeps_its_text_and_gets_the_current_time()
    {
        var before = DateTimeOffset.UtcNow;
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        var entry = Assert.Single(splitter.Add(false, Utf8("plain text\n")));

        Assert.Equal("plain text", entry.Text);
        Assert.InRange(entry.Time, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Line_the_engine_split_into_frames_comes_out_whole_without_the_inner_timestamps()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var a = new string('a', 16 * 1024);
        var b = new string('b', 16 * 1024);

        var entries = new List<LogEntry>();
        entries.AddRange(splitter.Add(false, Utf8($"{T1} {a}"), frameEnds: true));
        entries.AddRange(splitter.Add(true, Utf8($"{T2} an error\n"), frameEnds: true));
        entries.AddRange(splitter.Add(false, Utf8($"{T2} {b}"), frameEnds: true));
        entries.AddRange(splitter.Add(false, Utf8($"{T3} end\n"), frameEnds: true));

        Assert.Equal([("stderr", "an error"), ("stdout", a + b + "end")], entries.Select(entry => (entry.Stream, entry.Text)));
        Assert.Equal(Time1, entries[1].Time);
        Assert.DoesNotContain(entries, entry => entry.Continued);
    }

    [Fact]
    public void Line_longer_than_64_KiB_is_shipped_in_numbered_parts_marked_continued()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var line = new string('x', 150_000);
        var frames = Enumerable.Range(0, (line.Length + 16383) / 16384)
            .Select(i => line.Substring(i * 16384, Math.Min(16384, line.Length - i * 16384))).ToList();

        var entries = new List<LogEntry>();
        foreach (var (frame, i) in frames.Select((frame, i) => (frame, i)))
        {
            var text = i == frames.Count - 1 ? frame + "\n" : frame;
            entries.AddRange(splitter.Add(false, Utf8($"{T1} {text}"), frameEnds: true));
        }

        Assert.Equal([65536, 65536, 150_000 - 131072], entries.Select(entry => entry.Text.Length));
        Assert.Equal([true, true, false], entries.Select(entry => entry.Continued));
        Assert.Equal([1L, 2L, 3L], entries.Select(entry => entry.Offset));
        Assert.Equal(line, string.Concat(entries.Select(entry => entry.Text)));
        Assert.Equal(3, splitter.Lines);
    }

    [Fact]
    public void Parts_already_shipped_are_skipped_like_lines()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 1);

        var entries = splitter.Add(false, Utf8($"{T1} {new string('y', 70_000)}\n{T2} after\n"));

        Assert.Equal([(2L, 70_000 - 65536, false), (3L, 5, false)], entries.Select(entry => (entry.Offset, entry.Text.Length, entry.Continued)));
    }

    [Fact]
    public void A_hundred_mebibytes_without_a_newline_stay_bounded_and_every_byte_is_shipped()
    {
        const long total = 100L * 1024 * 1024;
        const int frame = 16 * 1024;
        var payload = new byte[frame];
        Array.Fill(payload, (byte)'z');
        var header = Utf8($"{T1} ");
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        long shipped = 0, continued = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (long fed = 0; fed < total; fed += frame)
        {
            splitter.Add(false, header);
            foreach (var entry in splitter.Add(false, payload, frameEnds: true))
            {
                shipped += entry.Text.Length;
                continued += entry.Continued ? 1 : 0;
                Assert.Equal(-1, entry.Text.AsSpan().IndexOfAnyExcept('z'));
            }
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var last = Assert.Single(splitter.Flush());

        Assert.True(held < 16 * 1024 * 1024, $"{held:N0} bytes held after 100 MiB without a newline");
        Assert.Equal(total, shipped + last.Text.Length);
        Assert.Equal(total / LineCutter.MaxPartBytes - 1, continued);
        Assert.False(last.Continued);
    }

    [Fact]
    public void Reopened_log_skips_the_lines_before_and_what_was_taken_in_of_the_current_one()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var first = splitter.Add(false, Utf8($"{T1} one\n"), frameEnds: true)
            .Concat(splitter.Add(false, Utf8($"{T2} tw"), frameEnds: false)).ToList();

        splitter.Reopen();
        var again = splitter.Add(false, Utf8($"{T1} one\n"), frameEnds: true)
            .Concat(splitter.Add(false, Utf8($"{T2} two\n"), frameEnds: true))
            .Concat(splitter.Add(false, Utf8($"{T3} three\n"), frameEnds: true)).ToList();

        Assert.Equal([("one", 1L)], first.Select(entry => (entry.Text, entry.Offset)));
        Assert.Equal([("two", 2L), ("three", 3L)], again.Select(entry => (entry.Text, entry.Offset)));
    }

    [Fact]
    public void Long_line_whose_frames_share_one_timestamp_goes_on_where_the_last_read_stopped()
    {
        // The engine stamps every 16 KiB frame of one line with the line's timestamp.
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var texts = new List<string>();
        texts.AddRange(splitter.Add(false, Utf8($"{T1} aaaa"), frameEnds: true).Select(entry => entry.Text));
        texts.AddRange(splitter.Add(false, Utf8($"{T1} bb"), frameEnds: false).Select(entry => entry.Text));

        splitter.Reopen();
        texts.AddRange(splitter.Add(false, Utf8($"{T1} aaaa"), frameEnds: true).Select(entry => entry.Text));
        texts.AddRange(splitter.Add(false, Utf8($"{T1} bbbb"), frameEnds: true).Select(entry => entry.Text));
        texts.AddRange(splitter.Add(false, Utf8($"{T1} cc\n"), frameEnds: true).Select(entry => entry.Text));

        Assert.Equal(["aaaabbbbcc"], texts);
    }

    [Fact]
    public void Line_whose_start_the_engine_rotated_away_still_ends_at_its_newline_after_a_reopen()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);
        var texts = new List<string>();
        texts.AddRange(splitter.Add(false, Utf8($"{T1} aaaaaaaa"), frameEnds: true).Select(entry => entry.Text));

        // Only the end of the line is still kept: fewer bytes come again than were taken in.
        splitter.Reopen();
        texts.AddRange(splitter.Add(false, Utf8($"{T1} xx\n"), frameEnds: true).Select(entry => entry.Text));
        texts.AddRange(splitter.Add(false, Utf8($"{T2} done\n"), frameEnds: true).Select(entry => entry.Text));

        Assert.Equal(["aaaaaaaa", "done"], texts);
    }

    [Fact]
    public void Since_is_the_earliest_line_either_stream_is_in()
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        splitter.Add(false, Utf8($"{T3} late\n"));
        splitter.Add(true, Utf8($"{T2} earl"), frameEnds: false);

        Assert.Equal("1741064768.000000001", splitter.Since);
    }

    [Theory]
    [InlineData("2025-03-04T05:06:07.123456789Z", "1741064767.123456789")]
    [InlineData("2025-03-04T05:06:07.1Z", "1741064767.100000000")]
    public void Since_is_the_last_frame_in_unix_seconds_and_nanoseconds(string stamp, string since)
    {
        var splitter = new DockerLogSplitter("worker-0", "c-1", shipped: 0);

        splitter.Add(false, Utf8($"{stamp} line\n"));

        Assert.Equal(since, splitter.Since);
    }

    [Fact]
    public void Nothing_read_yet_reads_the_log_from_its_start() =>
        Assert.Null(new DockerLogSplitter("worker-0", "c-1", shipped: 0).Since);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static TheoryData<string, string> Timestamps => new()
    {
        { "2026-11-25T20:40:01.123456789Z", "2026-11-25T20:40:01.1234567+00:00" },
        { "2026-11-25T20:40:01.5Z", "2026-11-25T20:40:01.5000000+00:00" },
        { "2026-11-25T20:40:01.000000001Z", "2026-11-25T20:40:01.0000000+00:00" },
        { "2026-11-25T20:40:01Z", "2026-11-25T20:40:01.0000000+00:00" },
        { "2024-02-29T23:59:59.999999999Z", "2024-02-29T23:59:59.9999999+00:00" },
        { "2026-11-25T21:40:01.25+01:00", "2026-11-25T21:40:01.2500000+01:00" },
    };

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Docker_timestamps_parse_to_the_100_ns_tick(string text, string expected)
    {
        Assert.True(DockerLogSplitter.TryParseTimestamp(text, out var time));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), time);
        Assert.Equal(expected, time.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-13-25T20:40:01Z")]
    [InlineData("2026-02-30T20:40:01Z")]
    [InlineData("2026-11-25T20:40:01.12a4Z")]
    public void Impossible_timestamps_do_not_parse(string text) =>
        Assert.False(DockerLogSplitter.TryParseTimestamp(text, out _));
}
