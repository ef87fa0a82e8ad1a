using System.Globalization;
using System.IO.Compression;

namespace Platform.Bench.Simulator.Trace;

/// <summary>
/// Reads a trace CSV: a header, then one job a line. Columns are found by header name
/// (<c>submit_time,duration,num_gpus,team</c>, any order, any case); other columns are ignored.
/// Fields are plain comma-separated values (no quoting). Blank lines are skipped.
/// </summary>
public static class TraceReader
{
    /// <summary>The longest line read, in characters: 4,096.</summary>
    public const int MaxLineLength = 4_096;

    /// <summary>The most jobs a trace may hold: 2,000,000.</summary>
    public const int MaxJobs = 2_000_000;

    /// <summary>The most GPUs one job may ask for: 100,000.</summary>
    public const int MaxGpusPerJob = 100_000;

    /// <summary>The latest submit time and the longest duration, in seconds: 10 years, 315,360,000.</summary>
    public const double MaxSeconds = 315_360_000;

    /// <summary>The longest team name: 63 characters of a-z, A-Z, 0-9, '-', '_' and '.'.</summary>
    public const int MaxTeamLength = 63;

    /// <summary>The columns a trace must have.</summary>
    public static readonly IReadOnlyList<string> Columns = ["submit_time", "duration", "num_gpus", "team"];

    /// <summary>Reads the trace at <paramref name="path"/>; a name ending in <c>.gz</c> is read through gzip.</summary>
    public static IReadOnlyList<TraceJob> ReadFile(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream);
        return Read(reader, Path.GetFileName(path));
    }

    /// <summary>Reads a trace from <paramref name="reader"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="TraceFormatException">A line or field is missing, too long or out of range.</exception>
    public static IReadOnlyList<TraceJob> Read(TextReader reader, string source)
    {
        var header = ReadLine(reader, source, 1) ?? throw new TraceFormatException($"{source}: empty; expected a header with the columns {string.Join(',', Columns)}.");
        var names = header.Split(',').Select(n => n.Trim()).ToArray();
        var at = Columns.Select(column => Index(names, column, source)).ToArray();
        var jobs = new List<TraceJob>();
        var number = 1;
        while (ReadLine(reader, source, ++number) is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (jobs.Count == MaxJobs)
            {
                throw new TraceFormatException($"{source}, line {number}: more than {MaxJobs:N0} jobs; cut the trace or use --limit.");
            }

            var fields = line.Split(',');
            if (fields.Length != names.Length)
            {
                throw new TraceFormatException($"{source}, line {number}: {fields.Length} fields, but the header has {names.Length} columns.");
            }

            jobs.Add(Job(new Row(source, number, fields, at)));
        }

        return jobs;
    }

    private static TraceJob Job(Row row) => new(
        row.Line,
        row.Seconds(0, allowZero: true),
        row.Seconds(1, allowZero: false),
        row.Gpus(2),
        row.Team(3));

    private static int Index(string[] names, string column, string source)
    {
        var index = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index
            : throw new TraceFormatException($"{source}, line 1: the column '{column}' is missing; the header has {string.Join(',', names)}.");
    }

    private static string? ReadLine(TextReader reader, string source, int number)
    {
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            var c = reader.Read();
            if (c == -1)
            {
                return buffer.Length == 0 ? null : buffer.ToString();
            }

            if (c == '\n')
            {
                return buffer.ToString().TrimEnd('\r');
            }

            if (buffer.Length == MaxLineLength)
            {
                throw new TraceFormatException($"{source}, line {number}: longer than {MaxLineLength:N0} characters.");
            }

            buffer.Append((char)c);
        }
    }

    /// <summary>One data line and where its columns are.</summary>
    private readonly record struct Row(string Source, int Line, string[] Fields, int[] At)
    {
        public double Seconds(int column, bool allowZero)
        {
            var text = Field(column);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw Error(column, text, "is not a number of seconds");
            }

            return (allowZero ? value >= 0 : value > 0) && value <= MaxSeconds ? value
                : throw Error(column, text, $"is out of range: {(allowZero ? "0" : "above 0")} to {MaxSeconds:N0} seconds");
        }

        public int Gpus(int column)
        {
            var text = Field(column);
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxGpusPerJob
                ? value
                : throw Error(column, text, $"is not a whole number of GPUs from 1 to {MaxGpusPerJob:N0}");
        }

        public string Team(int column)
        {
            var text = Field(column);
            return text.Length is > 0 and <= MaxTeamLength && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
                ? text
                : throw Error(column, text, $"is not a team name (1 to {MaxTeamLength} characters of a-z, A-Z, 0-9, '-', '_' and '.')");
        }

        private string Field(int column) => Fields[At[column]].Trim();

        private TraceFormatException Error(int column, string text, string what) =>
            new($"{Source}, line {Line}, column '{Columns[column]}': '{text}' {what}.");
    }
}
