using System.Text;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

[Collection(MemoryBoundCollection.Name)]
public class LineCutterTests
{
    private const int Max = LineCutter.MaxPartBytes;

    /// <summary>Input, and the parts expected: their UTF-8 byte lengths and which are continued.</summary>
    public static TheoryData<string, string, int[], bool[]> Cases => new()
    {
        { "short line", "abc\n", [3], [false] },
        { "exactly 64 KiB is one part", new string('a', Max) + "\n", [Max], [false] },
        { "one byte more is two parts", new string('a', Max + 1) + "\n", [Max, 1], [true, false] },
        { "three parts", new string('a', 2 * Max + 5) + "\n", [Max, Max, 5], [true, true, false] },
        { "unfinished line is held", new string('a', 10), [], [] },
        { "unfinished long line gives its full parts only", new string('a', Max + 10), [Max], [true] },
        { "two-byte character at the cut moves the cut back", new string('a', Max - 1) + "é\n", [Max - 1, 2], [true, false] },
        { "three-byte character at the cut", new string('a', Max - 2) + "€\n", [Max - 2, 3], [true, false] },
        { "four-byte character at the cut", new string('a', Max - 1) + "🚀\n", [Max - 1, 4], [true, false] },
        { "four-byte character ending at the cut stays whole", new string('a', Max - 4) + "🚀b\n", [Max, 1], [true, false] },
        { "empty lines", "\n\n", [0, 0], [false, false] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Lines_are_cut_into_parts_of_at_most_64_KiB_on_code_point_boundaries(string because, string input, int[] bytes, bool[] continued)
    {
        var parts = new List<LinePart>();

        new LineCutter().Add(Encoding.UTF8.GetBytes(input), parts);

        Assert.True(bytes.SequenceEqual(parts.Select(part => part.Bytes)), $"{because}: {string.Join(",", parts.Select(part => part.Bytes))}");
        Assert.Equal(continued, parts.Select(part => part.Continued));
        Assert.DoesNotContain(parts, part => part.Text.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void Joined_parts_give_back_every_character_whatever_the_chunks()
    {
        var line = string.Concat(Enumerable.Repeat("naïve €uro 🚀 ", 20_000));
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        var cutter = new LineCutter();
        var parts = new List<LinePart>();

        for (var offset = 0; offset < bytes.Length; offset += 7777)
        {
            cutter.Add(bytes.AsSpan(offset, Math.Min(7777, bytes.Length - offset)), parts);
        }

        Assert.True(parts.Count > 4);
        Assert.All(parts, part => Assert.InRange(part.Bytes, 1, Max));
        Assert.Equal(line, string.Concat(parts.Select(part => part.Text)));
        Assert.Equal([.. Enumerable.Repeat(true, parts.Count - 1), false], parts.Select(part => part.Continued));
    }

    [Fact]
    public void Flush_gives_the_unfinished_line_once()
    {
        var cutter = new LineCutter();
        var parts = new List<LinePart>();
        cutter.Add("tail"u8, parts);

        Assert.Equal(new LinePart("tail", false, 4), cutter.Flush());
        Assert.Null(cutter.Flush());
        Assert.True(cutter.IsEmpty);
    }

    [Fact]
    public void Carriage_returns_before_the_newline_are_trimmed_but_counted()
    {
        var parts = new List<LinePart>();

        new LineCutter().Add("dos\r\n"u8, parts);

        Assert.Equal(new LinePart("dos", false, 4), Assert.Single(parts));
    }

    [Fact]
    public void A_hundred_mebibytes_without_a_newline_keep_no_more_than_one_part()
    {
        const long total = 100L * 1024 * 1024;
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        var cutter = new LineCutter();
        var parts = new List<LinePart>();
        long shipped = 0, count = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (long fed = 0; fed < total; fed += chunk.Length)
        {
            cutter.Add(chunk, parts);
            shipped += parts.Sum(part => part.Bytes);
            count += parts.Count;
            Assert.All(parts, part => Assert.True(part.Continued));
            parts.Clear();
        }

        var held = GC.GetTotalMemory(forceFullCollection: true) - before;
        var last = cutter.Flush();

        Assert.True(held < 16 * 1024 * 1024, $"{held:N0} bytes held after 100 MiB without a newline");
        Assert.Equal(total, shipped + last!.Value.Bytes);
        Assert.Equal(total / Max, count + 1);
    }
}
