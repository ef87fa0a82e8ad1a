using Npgsql;
using Platform.Contracts.Logs;
using Platform.Grains.Storage.Postgres;

namespace Platform.Grains.Logs;

/// <summary>
/// Log lines and metric points in PostgreSQL (cluster mode), with <see cref="SqliteLogStore"/>'s
/// semantics. An append is one statement, one round trip: the lines and points travel as arrays and
/// are inserted from <c>unnest</c>, skipping rows already stored, so a batch sent again after its
/// commit's answer was lost stores nothing twice, and a committed batch is never lost.
/// </summary>
public sealed class PostgresLogStore(PostgresDatabase database) : ILogStore
{
    /// <summary>A page of lines stops once it holds this much text (4 Mi characters), whatever its limit; at least one line.</summary>
    public const int MaxPageCharacters = LogPageRows.MaxPageCharacters;

    /// <summary>PostgreSQL text cannot hold NUL; it is stored as U+FFFD, the replacement character.</summary>
    public const char NulReplacement = '\uFFFD';

    private const string Append = """
        WITH line AS (
            INSERT INTO log_line (job_id, seq, task, stream, time, text, source, source_offset, continued)
            SELECT @job, * FROM unnest(@seq, @task, @stream, @time, @text, @source, @offset, @continued)
            ON CONFLICT DO NOTHING)
        INSERT INTO metric_point (job_id, task, name, step, time, value)
        SELECT @job, * FROM unnest(@point_task, @point_name, @point_step, @point_time, @point_value)
        ON CONFLICT DO NOTHING
        """;

    public Task AppendAsync(string jobId, IReadOnlyList<StoredLine> lines, IReadOnlyList<MetricPoint> points) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(Append, connection);
            command.Parameters.AddWithValue("job", jobId);
            Add(command, "seq", lines, stored => stored.Line.Seq);
            Add(command, "task", lines, stored => stored.Line.Task);
            Add(command, "stream", lines, stored => stored.Line.Stream);
            Add(command, "time", lines, stored => stored.Line.Time.UtcTicks);
            Add(command, "text", lines, stored => stored.Line.Text.Replace('\0', NulReplacement));
            Add(command, "source", lines, stored => stored.Source);
            Add(command, "offset", lines, stored => stored.Offset);
            Add(command, "continued", lines, stored => stored.Line.Continued);
            Add(command, "point_task", points, point => point.Task);
            Add(command, "point_name", points, point => point.Name);
            Add(command, "point_step", points, point => point.Step);
            Add(command, "point_time", points, point => point.Time.UtcTicks);
            Add(command, "point_value", points, point => point.Value);
            return await command.ExecuteNonQueryAsync();
        });

    private static void Add<TItem, TValue>(NpgsqlCommand command, string name, IReadOnlyList<TItem> items, Func<TItem, TValue> value)
    {
        var values = new TValue[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = value(items[i]);
        }

        command.Parameters.Add(new NpgsqlParameter<TValue[]>(name, values));
    }

    public Task<IReadOnlyList<LogLine>> ReadAsync(string jobId, string? task, long after, int limit) =>
        database.RunAsync<IReadOnlyList<LogLine>>(async connection =>
        {
            // Two texts rather than "@task IS NULL OR": each query's plan then uses its own index.
            await using var command = new NpgsqlCommand($"""
                SELECT seq, task, stream, time, text, continued FROM log_line
                WHERE job_id = @job AND seq > @after{(task is null ? "" : " AND task = @task")}
                ORDER BY seq LIMIT @limit
                """, connection);
            command.Parameters.AddWithValue("job", jobId);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("limit", limit);
            if (task is not null)
            {
                command.Parameters.AddWithValue("task", task);
            }

            await using var reader = await command.ExecuteReaderAsync();
            return await LogPageRows.ReadAsync(reader);
        });

    public Task<IReadOnlyList<MetricPoint>> ReadMetricsAsync(string jobId) =>
        database.RunAsync<IReadOnlyList<MetricPoint>>(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT task, name, step, time, value FROM metric_point WHERE job_id = @job ORDER BY task, name, id", connection);
            command.Parameters.AddWithValue("job", jobId);
            var points = new List<MetricPoint>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                points.Add(new MetricPoint(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt64(2),
                    new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero), reader.GetDouble(4)));
            }

            return points;
        });

    public Task<long> GetLastSeqAsync(string jobId) =>
        ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM log_line WHERE job_id = @job", jobId);

    public Task<long> GetLastOffsetAsync(string jobId, string source) =>
        ScalarAsync("SELECT COALESCE(MAX(source_offset), 0) FROM log_line WHERE job_id = @job AND source = @source", jobId, source);

    public Task DeleteAsync(string jobId) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "WITH line AS (DELETE FROM log_line WHERE job_id = @job) DELETE FROM metric_point WHERE job_id = @job", connection);
            command.Parameters.AddWithValue("job", jobId);
            return await command.ExecuteNonQueryAsync();
        });

    private Task<long> ScalarAsync(string sql, string jobId, string? source = null) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("job", jobId);
            if (source is not null)
            {
                command.Parameters.AddWithValue("source", source);
            }

            return (long)(await command.ExecuteScalarAsync())!;
        });
}
