using System.Text;
using Platform.Contracts.Logs;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

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
