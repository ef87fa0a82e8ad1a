using Microsoft.Data.Sqlite;
using Platform.Contracts.Logs;
using Platform.Grains.Storage;

namespace Platform.Grains.Logs;

/// <summary>Log lines in their own SQLite file, one row per line, keyed by job and sequence number.</summary>
public sealed class SqliteLogStore(SqliteDatabase database) : ILogStore
{
    /// <summary>A page of lines stops once it holds this much text (4 Mi characters), whatever its limit; at least one line.</summary>
    public const int MaxPageCharacters = LogPageRows.MaxPageCharacters;

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS log_line (
            job_id TEXT    NOT NULL,
            seq    INTEGER NOT NULL,
            task   TEXT    NOT NULL,
            stream TEXT    NOT NULL,
            time   INTEGER NOT NULL,
            text   TEXT    NOT NULL,
            source TEXT    NOT NULL,
            offset INTEGER NOT NULL,
            continued INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (job_id, seq)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS log_line_task ON log_line (job_id, task, seq);
        CREATE INDEX IF NOT EXISTS log_line_source ON log_line (job_id, source, offset);
        CREATE TABLE IF NOT EXISTS metric_point (
            job_id TEXT    NOT NULL,
            task   TEXT    NOT NULL,
            name   TEXT    NOT NULL,
            step   INTEGER,
            time   INTEGER NOT NULL,
            value  REAL    NOT NULL);
        CREATE INDEX IF NOT EXISTS metric_point_job ON metric_point (job_id, task, name);
        """;

    /// <summary>Brings a log file written before lines carried <c>continued</c> up to <see cref="Schema"/>.</summary>
    public static SqliteDatabase Upgraded(SqliteDatabase database)
    {
        using var connection = database.Open();
        using var columns = connection.CreateCommand();
        columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('log_line') WHERE name = 'continued'";
        if ((long)columns.ExecuteScalar()! == 0)
        {
            using var alter = connection.CreateCommand();
            alter.CommandText = "ALTER TABLE log_line ADD COLUMN continued INTEGER NOT NULL DEFAULT 0";
            alter.ExecuteNonQuery();
        }

        return database;
    }

    public async Task AppendAsync(string jobId, IReadOnlyList<StoredLine> lines, IReadOnlyList<MetricPoint> points)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        InsertLines(connection, jobId, lines);
        InsertMetrics(connection, jobId, points);
        await transaction.CommitAsync();
    }

    // Synchronous inside the transaction: SQLite has no real async I/O, and per row the Task costs more than the insert.
    private static void InsertLines(SqliteConnection connection, string jobId, IReadOnlyList<StoredLine> lines)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO log_line VALUES ($job, $seq, $task, $stream, $time, $text, $source, $offset, $continued)";
        command.Parameters.AddWithValue("$job", jobId);
        var seq = command.Parameters.Add("$seq", SqliteType.Integer);
        var task = command.Parameters.Add("$task", SqliteType.Text);
        var stream = command.Parameters.Add("$stream", SqliteType.Text);
        var time = command.Parameters.Add("$time", SqliteType.Integer);
        var text = command.Parameters.Add("$text", SqliteType.Text);
        var source = command.Parameters.Add("$source", SqliteType.Text);
        var offset = command.Parameters.Add("$offset", SqliteType.Integer);
        var continued = command.Parameters.Add("$continued", SqliteType.Integer);
        foreach (var (line, lineSource, lineOffset) in lines)
        {
            continued.Value = line.Continued ? 1 : 0;
            source.Value = lineSource;
            offset.Value = lineOffset;
            seq.Value = line.Seq;
            task.Value = line.Task;
            stream.Value = line.Stream;
            time.Value = line.Time.UtcTicks;
            text.Value = line.Text;
            command.ExecuteNonQuery();
        }
    }

    private static void InsertMetrics(SqliteConnection connection, string jobId, IReadOnlyList<MetricPoint> points)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO metric_point VALUES ($job, $task, $name, $step, $time, $value)";
        command.Parameters.AddWithValue("$job", jobId);
        var task = command.Parameters.Add("$task", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var step = command.Parameters.Add("$step", SqliteType.Integer);
        var time = command.Parameters.Add("$time", SqliteType.Integer);
        var value = command.Parameters.Add("$value", SqliteType.Real);
        foreach (var point in points)
        {
            (task.Value, name.Value, step.Value, time.Value, value.Value) =
                (point.Task, point.Name, (object?)point.Step ?? DBNull.Value, point.Time.UtcTicks, point.Value);
            command.ExecuteNonQuery();
        }
    }

    public async Task<IReadOnlyList<LogLine>> ReadAsync(string jobId, string? task, long after, int limit)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT seq, task, stream, time, text, continued FROM log_line
            WHERE job_id = $job AND seq > $after AND ($task IS NULL OR task = $task)
            ORDER BY seq LIMIT $limit
            """;
        command.Parameters.AddWithValue("$job", jobId);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$task", (object?)task ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync();
        return await LogPageRows.ReadAsync(reader);
    }

    public async Task<IReadOnlyList<MetricPoint>> ReadMetricsAsync(string jobId)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT task, name, step, time, value FROM metric_point WHERE job_id = $job ORDER BY task, name, rowid";
        command.Parameters.AddWithValue("$job", jobId);
        var points = new List<MetricPoint>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            points.Add(new MetricPoint(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetDouble(4)));
        }

        return points;
    }

    public async Task<long> GetLastSeqAsync(string jobId)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(seq), 0) FROM log_line WHERE job_id = $job";
        command.Parameters.AddWithValue("$job", jobId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> GetLastOffsetAsync(string jobId, string source)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(offset), 0) FROM log_line WHERE job_id = $job AND source = $source";
        command.Parameters.AddWithValue("$job", jobId);
        command.Parameters.AddWithValue("$source", source);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task DeleteAsync(string jobId)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM log_line WHERE job_id = $job; DELETE FROM metric_point WHERE job_id = $job;";
        command.Parameters.AddWithValue("$job", jobId);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
