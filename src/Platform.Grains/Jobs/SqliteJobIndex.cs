using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using Platform.Contracts.Jobs;
using Platform.Grains.Storage;

namespace Platform.Grains.Jobs;

/// <summary>
/// The job index in the state database: one row per job with its filters and its whole view, written
/// by the grain storage in the transaction that writes the job's state (<see cref="IStateCompanion"/>),
/// so listing reads one table and never activates a job.
/// </summary>
public sealed class SqliteJobIndex(SqliteDatabase database, Serializer serializer) : IJobIndex, IStateCompanion
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS job_index (
            grain_id    TEXT    NOT NULL PRIMARY KEY,
            job_id      TEXT    NOT NULL,
            version     INTEGER NOT NULL,
            listed      INTEGER NOT NULL,
            team        TEXT,
            state       TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            finished_at INTEGER,
            view        BLOB    NOT NULL);
        CREATE INDEX IF NOT EXISTS job_index_order ON job_index (listed, created_at DESC, job_id DESC);
        CREATE INDEX IF NOT EXISTS job_index_state ON job_index (listed, state);
        CREATE INDEX IF NOT EXISTS job_index_finished ON job_index (finished_at) WHERE finished_at IS NOT NULL;
        """;

    private const string StateName = "job";

    /// <summary>The state database the index lives in; the grain storage writes both.</summary>
    public SqliteDatabase Database => database;

    public void Write(SqliteTransaction transaction, GrainId grainId, long version, object? state)
    {
        if (state is null)
        {
            using var delete = transaction.Connection!.CreateCommand();
            delete.CommandText = "DELETE FROM job_index WHERE grain_id = $grain";
            delete.Parameters.AddWithValue("$grain", grainId.ToString());
            delete.ExecuteNonQuery();
            return;
        }

        if (state is not JobGrainState { Spec: not null } job)
        {
            return;
        }

        using var command = transaction.Connection!.CreateCommand();
        command.CommandText = """
            INSERT INTO job_index VALUES ($grain, $job, $version, $listed, $team, $state, $created, $finished, $view)
            ON CONFLICT (grain_id) DO UPDATE SET version = $version, listed = $listed, team = $team, state = $state,
                created_at = $created, finished_at = $finished, view = $view
            """;
        var id = grainId.Key.ToString()!;
        command.Parameters.AddWithValue("$grain", grainId.ToString());
        command.Parameters.AddWithValue("$job", id);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.AddWithValue("$listed", job.Owner is null ? 1 : 0);
        command.Parameters.AddWithValue("$team", (object?)job.Spec.Team ?? DBNull.Value);
        command.Parameters.AddWithValue("$state", job.State.ToString());
        command.Parameters.AddWithValue("$created", job.CreatedAt.UtcTicks);
        command.Parameters.AddWithValue("$finished", job.State.IsFinished() && job.FinishedAt is { } finished ? finished.UtcTicks : DBNull.Value);
        command.Parameters.AddWithValue("$view", serializer.SerializeToArray(JobViews.Of(id, job)));
        command.ExecuteNonQuery();
    }

    public async Task<JobPage> ListAsync(JobQuery query)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT view, created_at, job_id FROM job_index
            WHERE listed = 1 AND ($state IS NULL OR state = $state) AND ($team IS NULL OR team = $team)
              AND ($teams IS NULL OR team IN (SELECT value FROM json_each($teams)))
              AND ($after IS NULL OR created_at < $after OR (created_at = $after AND job_id < $afterId))
            ORDER BY created_at DESC, job_id DESC LIMIT $limit
            """;
        command.Parameters.AddWithValue("$state", (object?)query.State?.ToString() ?? DBNull.Value);
        command.Parameters.AddWithValue("$team", (object?)query.Team ?? DBNull.Value);
        command.Parameters.AddWithValue("$teams", query.Teams is null ? DBNull.Value : System.Text.Json.JsonSerializer.Serialize(query.Teams));
        command.Parameters.AddWithValue("$after", (object?)query.After?.CreatedAt.UtcTicks ?? DBNull.Value);
        command.Parameters.AddWithValue("$afterId", (object?)query.After?.JobId ?? DBNull.Value);
        // One more than asked says whether another page follows.
        command.Parameters.AddWithValue("$limit", query.Limit + 1);
        await using var reader = await command.ExecuteReaderAsync();
        return await JobIndexRows.ReadPageAsync(reader, serializer, query.Limit);
    }

    public async Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync()
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM job_index WHERE listed = 1 GROUP BY state";
        await using var reader = await command.ExecuteReaderAsync();
        return await JobIndexRows.ReadCountsAsync(reader);
    }

    public async Task<IReadOnlyList<string>> FinishedBeforeAsync(DateTimeOffset cutoff, int limit)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT job_id FROM job_index WHERE listed = 1 AND finished_at < $cutoff ORDER BY finished_at LIMIT $limit";
        command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public async Task<int> RepairAsync()
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT s.grain_id, s.version, s.data FROM grain_state s LEFT JOIN job_index j ON j.grain_id = s.grain_id
            WHERE s.state_name = $name AND (j.grain_id IS NULL OR j.version <> s.version)
            """;
        command.Parameters.AddWithValue("$name", StateName);
        var stale = new List<(string Grain, long Version, byte[] Data)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stale.Add((reader.GetString(0), reader.GetInt64(1), (byte[])reader[2]));
            }
        }

        foreach (var (grain, version, data) in stale)
        {
            Write(transaction, GrainId.Parse(grain), version, serializer.Deserialize<JobGrainState>(data));
        }

        await transaction.CommitAsync();
        return stale.Count;
    }
}
