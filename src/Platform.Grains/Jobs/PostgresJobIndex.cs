using Npgsql;
using Orleans.Serialization;
using Platform.Contracts.Jobs;
using Platform.Grains.Storage;
using Platform.Grains.Storage.Postgres;

namespace Platform.Grains.Jobs;

/// <summary>
/// The job list and the job history in PostgreSQL (cluster mode): one <c>job_index</c> row per job
/// with its filters and its whole view, as <see cref="SqliteJobIndex"/>, and its events in
/// <c>job_event</c>, kept after the job's state leaves Redis. The grain storage calls
/// <see cref="FollowAsync"/> after each write of a job's state.
/// </summary>
public sealed class PostgresJobIndex(PostgresDatabase database, Serializer serializer) : IJobIndex, IStateFollower
{
    /// <summary>The state name of a job's grain state; other states are not indexed.</summary>
    public const string StateName = "job";

    private const string Upsert = """
        WITH job AS (
            INSERT INTO job_index (job_id, grain_id, version, listed, team, state, created_at, finished_at, view)
            VALUES (@job, @grain, @version, @listed, @team, @state, @created, @finished, @view)
            ON CONFLICT (job_id) DO UPDATE SET grain_id = excluded.grain_id, version = excluded.version,
                listed = excluded.listed, team = excluded.team, state = excluded.state, created_at = excluded.created_at,
                finished_at = excluded.finished_at, view = excluded.view)
        INSERT INTO job_event (job_id, ordinal, time, type, task, node, reason, message, by_user)
        SELECT @job, * FROM unnest(@ordinal, @time, @type, @task, @node, @reason, @message, @by)
        ON CONFLICT DO NOTHING
        """;

    private const string Delete = "WITH event AS (DELETE FROM job_event WHERE job_id = @job) DELETE FROM job_index WHERE job_id = @job";

    public Task FollowAsync(GrainId grainId, string stateName, string? version, object? state)
    {
        if (stateName != StateName || state is not (null or JobGrainState { Spec: not null }))
        {
            return Task.CompletedTask;
        }

        var jobId = grainId.Key.ToString()!;
        return database.RunAsync(async connection =>
        {
            await using var command = state is JobGrainState job
                ? UpsertCommand(connection, grainId, jobId, version, job)
                : new NpgsqlCommand(Delete, connection) { Parameters = { new("job", jobId) } };
            return await command.ExecuteNonQueryAsync();
        });
    }

    private NpgsqlCommand UpsertCommand(NpgsqlConnection connection, GrainId grainId, string jobId, string? version, JobGrainState job)
    {
        var command = new NpgsqlCommand(Upsert, connection);
        var events = job.Events;
        command.Parameters.AddWithValue("job", jobId);
        command.Parameters.AddWithValue("grain", grainId.ToString());
        command.Parameters.AddWithValue("version", (object?)version ?? DBNull.Value);
        command.Parameters.AddWithValue("listed", job.Owner is null);
        command.Parameters.AddWithValue("team", (object?)job.Spec!.Team ?? DBNull.Value);
        command.Parameters.AddWithValue("state", job.State.ToString());
        command.Parameters.AddWithValue("created", job.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("finished", job.State.IsFinished() && job.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("view", serializer.SerializeToArray(JobViews.Of(jobId, job)));
        command.Parameters.Add(new NpgsqlParameter<int[]>("ordinal", [.. Enumerable.Range(0, events.Count)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("time", [.. events.Select(e => e.Time.UtcTicks)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("type", [.. events.Select(e => e.Type)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("task", [.. events.Select(e => e.Task)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("node", [.. events.Select(e => e.Node)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("reason", [.. events.Select(e => e.Reason)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("message", [.. events.Select(e => e.Message)]));
        command.Parameters.Add(new NpgsqlParameter<string?[]>("by", [.. events.Select(e => e.By)]));
        return command;
    }

    public Task<JobPage> ListAsync(JobQuery query) =>
        database.RunAsync(async connection =>
        {
            await using var command = new NpgsqlCommand(ListSql(query), connection);
            command.Parameters.AddWithValue("state", query.State?.ToString() ?? "");
            command.Parameters.AddWithValue("team", query.Team ?? "");
            command.Parameters.Add(new NpgsqlParameter<string[]>("teams", [.. query.Teams ?? []]));
            command.Parameters.AddWithValue("after", query.After?.CreatedAt.UtcTicks ?? 0);
            command.Parameters.AddWithValue("after_id", query.After?.JobId ?? "");
            // One more than asked says whether another page follows.
            command.Parameters.AddWithValue("limit", query.Limit + 1);
            await using var reader = await command.ExecuteReaderAsync();
            return await JobIndexRows.ReadPageAsync(reader, serializer, query.Limit);
        });

    /// <summary>Only the filters asked for, so each query's plan uses the index that fits it (docs/cluster-storage.md).</summary>
    private static string ListSql(JobQuery query) => $"""
        SELECT view FROM job_index WHERE listed
        {(query.State is null ? "" : "AND state = @state")}
        {(query.Team is null ? "" : "AND team = @team")}
        {(query.Teams is null ? "" : "AND team = ANY(@teams)")}
        {(query.After is null ? "" : "AND (created_at, job_id) < (@after, @after_id)")}
        ORDER BY created_at DESC, job_id DESC LIMIT @limit
        """;

    public Task<IReadOnlyList<string>> FinishedBeforeAsync(DateTimeOffset cutoff, int limit) =>
        database.RunAsync<IReadOnlyList<string>>(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT job_id FROM job_index WHERE listed AND finished_at < @cutoff ORDER BY finished_at LIMIT @limit", connection);
            command.Parameters.AddWithValue("cutoff", cutoff.UtcTicks);
            command.Parameters.AddWithValue("limit", limit);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetString(0));
            }

            return ids;
        });

    public Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync() =>
        database.RunAsync<IReadOnlyDictionary<JobState, long>>(async connection =>
        {
            await using var command = new NpgsqlCommand("SELECT state, COUNT(*) FROM job_index WHERE listed GROUP BY state", connection);
            await using var reader = await command.ExecuteReaderAsync();
            return await JobIndexRows.ReadCountsAsync(reader);
        });

    /// <summary>A job's stored events, oldest first (empty once the job is deleted).</summary>
    public Task<IReadOnlyList<JobEvent>> ReadEventsAsync(string jobId) =>
        database.RunAsync<IReadOnlyList<JobEvent>>(async connection =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT time, type, task, node, reason, message, by_user FROM job_event WHERE job_id = @job ORDER BY ordinal", connection);
            command.Parameters.AddWithValue("job", jobId);
            var events = new List<JobEvent>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                events.Add(new JobEvent(new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero), reader.GetString(1), Text(reader, 2),
                    Text(reader, 3), Text(reader, 4), reader.GetString(5), Text(reader, 6)));
            }

            return events;
        });

    private static string? Text(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>
    /// Nothing to repair in cluster mode: no job state lives in PostgreSQL to compare with (it is in
    /// Redis), and the index is written after every write of a job's state, which is acknowledged only
    /// once both hold it (<see cref="IStateFollower"/>).
    /// </summary>
    public Task<int> RepairAsync() => Task.FromResult(0);
}
