using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Platform.Grains.Storage;

/// <summary>
/// Grain state in a SQLite file for the embedded mode. State is stored with the Orleans serializer,
/// so the <c>[Id]</c> numbers of the state types keep old rows readable; a version number per row is
/// the ETag, and a write against a stale ETag is refused. <paramref name="companions"/> write the rows
/// that follow a state (the job index) in the same transaction.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, Serializer serializer, IReadOnlyList<IStateCompanion>? companions = null)
    : IGrainStorage
{
    public const string Schema = """
        CREATE TABLE IF NOT EXISTS grain_state (
            grain_id   TEXT    NOT NULL,
            state_name TEXT    NOT NULL,
            version    INTEGER NOT NULL,
            data       BLOB    NOT NULL,
            PRIMARY KEY (grain_id, state_name));
        """;

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = database.Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, data FROM grain_state WHERE grain_id = $id AND state_name = $name";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        grainState.ETag = reader.GetInt64(0).ToString(CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>((byte[])reader[1]);
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.SerializeToArray(grainState.State);
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        long version;
        if (grainState.ETag is null)
        {
            version = 1;
            command.CommandText = """
                INSERT INTO grain_state (grain_id, state_name, version, data) VALUES ($id, $name, 1, $data)
                ON CONFLICT DO NOTHING
                """;
        }
        else
        {
            version = long.Parse(grainState.ETag, CultureInfo.InvariantCulture) + 1;
            command.CommandText = """
                UPDATE grain_state SET version = $version, data = $data
                WHERE grain_id = $id AND state_name = $name AND version = $version - 1
                """;
            command.Parameters.AddWithValue("$version", version);
        }

        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$data", data);
        if (await command.ExecuteNonQueryAsync() != 1)
        {
            throw new InconsistentStateException(
                $"State {stateName} of {grainId} was written by someone else (expected version {grainState.ETag ?? "none"}).");
        }

        foreach (var companion in companions ?? [])
        {
            companion.Write(transaction, grainId, version, grainState.State);
        }

        await transaction.CommitAsync();
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using var connection = database.Open();
        await using var transaction = connection.BeginTransaction();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE grain_id = $id AND state_name = $name";
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$name", stateName);
        await command.ExecuteNonQueryAsync();
        foreach (var companion in companions ?? [])
        {
            companion.Write(transaction, grainId, 0, null);
        }

        await transaction.CommitAsync();
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
    }
}
