using Platform.Bench.Simulator.Trace;

namespace Platform.Simulator.Tests;

/// <summary>The trace CSV: columns by header name, every bad field named by line and column.</summary>
public sealed class TraceReaderTests
{
    public static TheoryData<string, string, string> GoodTraces => new()
    {
        { "the issue's columns in order", "submit_time,duration,num_gpus,team\n0,60,1,a\n30.5,120,8,b\n", "2:0/60/1/a 3:30.5/120/8/b" },
        { "columns in another order, extra columns ignored", "team,gpu_time,num_gpus,duration,submit_time,user\na,60,1,60,0,u1\n", "2:0/60/1/a" },
        { "header in capitals, spaces and CRLF tolerated", "SUBMIT_TIME, Duration ,NUM_GPUS,Team\r\n5 , 7,2, c\r\n", "2:5/7/2/c" },
        { "blank lines skipped, line numbers kept", "submit_time,duration,num_gpus,team\n\n0,1,1,a\n\n", "3:0/1/1/a" },
        { "no trailing newline", "submit_time,duration,num_gpus,team\n0,1,1,a", "2:0/1/1/a" },
    };

    public static TheoryData<string, string, string> BadTraces => new()
    {
        { "empty file", "", "t.csv: empty" },
        { "a column missing", "submit_time,duration,team\n0,1,a\n", "t.csv, line 1: the column 'num_gpus' is missing" },
        { "too few fields", "submit_time,duration,num_gpus,team\n0,1,1\n", "t.csv, line 2: 3 fields, but the header has 4 columns" },
        { "submit time not a number", "submit_time,duration,num_gpus,team\nsoon,1,1,a\n", "t.csv, line 2, column 'submit_time': 'soon' is not a number of seconds" },
        { "negative submit time", "submit_time,duration,num_gpus,team\n-1,1,1,a\n", "t.csv, line 2, column 'submit_time': '-1' is out of range" },
        { "zero duration", "submit_time,duration,num_gpus,team\n0,1,1,a\n0,0,1,a\n", "t.csv, line 3, column 'duration': '0' is out of range" },
        { "infinite duration", "submit_time,duration,num_gpus,team\n0,Infinity,1,a\n", "t.csv, line 2, column 'duration': 'Infinity' is not a number" },
        { "fractional GPUs", "submit_time,duration,num_gpus,team\n0,1,1.5,a\n", "t.csv, line 2, column 'num_gpus': '1.5' is not a whole number of GPUs" },
        { "no GPUs", "submit_time,duration,num_gpus,team\n0,1,0,a\n", "t.csv, line 2, column 'num_gpus': '0' is not a whole number of GPUs from 1" },
        { "empty team", "submit_time,duration,num_gpus,team\n0,1,1,\n", "t.csv, line 2, column 'team': '' is not a team name" },
        { "team with a slash", "submit_time,duration,num_gpus,team\n0,1,1,a/b\n", "t.csv, line 2, column 'team': 'a/b' is not a team name" },
        { "a line too long", "submit_time,duration,num_gpus,team\n0,1,1," + new string('a', TraceReader.MaxLineLength) + "\n", "t.csv, line 2: longer than 4,096 characters" },
    };

    [Theory, MemberData(nameof(GoodTraces))]
    public void Good_rows_are_read_by_header_name(string why, string csv, string expected)
    {
        var jobs = TraceReader.Read(new StringReader(csv), "t.csv");

        Assert.True(expected == Describe(jobs), $"{why}: {Describe(jobs)}");
    }

    [Theory, MemberData(nameof(BadTraces))]
    public void Bad_rows_are_refused_naming_the_line_and_column(string why, string csv, string message)
    {
        var error = Assert.Throws<TraceFormatException>(() => TraceReader.Read(new StringReader(csv), "t.csv"));

        Assert.True(error.Message.StartsWith(message, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void The_converted_philly_trace_reads_whole()
    {
        var path = Path.Combine(Root(), "bench", "traces", "philly.csv");

        var jobs = TraceReader.ReadFile(path);

        Assert.Equal(82_247, jobs.Count);
        Assert.Equal(15, jobs.Select(j => j.Team).Distinct().Count());
    }

    [Fact]
    public void A_gzipped_trace_reads_like_the_plain_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write("submit_time,duration,num_gpus,team\n0,60,1,a\n");
            }

            Assert.Equal("2:0/60/1/a", Describe(TraceReader.ReadFile(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Describe(IEnumerable<TraceJob> jobs) =>
        string.Join(' ', jobs.Select(j => FormattableString.Invariant($"{j.Line}:{j.SubmitTime}/{j.Duration}/{j.Gpus}/{j.Team}")));

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test's directory.");
    }
}
