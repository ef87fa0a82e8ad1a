using Platform.Contracts.Jobs;
using Platform.Core.Jobs;

namespace Platform.Core.Tests.Jobs;

public sealed class JobCursorsTests
{
    [Fact]
    public void A_cursor_reads_back_as_written()
    {
        var cursor = new JobCursor(new DateTimeOffset(2026, 12, 3, 8, 0, 0, 123, TimeSpan.Zero), "mnist-0123456789abcdef");

        Assert.True(JobCursors.TryParse(JobCursors.Format(cursor), out var read));
        Assert.Equal(cursor, read);
    }

    public static TheoryData<string> Refused => new()
    {
        "",
        "not base64!",
        "bm8tY29sb24",           // "no-colon"
        "MTIzOg",                // "123:" (no job id)
        "LTE6am9i",              // "-1:job"
        "OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk6am9i", // ticks past DateTimeOffset.MaxValue
        new string('A', JobCursors.MaxLength + 4),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused(string text) => Assert.False(JobCursors.TryParse(text, out _));
}
