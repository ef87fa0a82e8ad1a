using Microsoft.Data.Sqlite;

namespace Platform.Grains.Storage;

/// <summary>
/// Rows of another table that follow a grain's state: written inside the transaction that writes
/// (or clears) the state, so a crash leaves both or neither.
/// </summary>
public interface IStateCompanion
{
    /// <param name="transaction">The state's transaction, on its connection.</param>
    /// <param name="grainId">The grain whose state is written.</param>
    /// <param name="version">The state's new version (its ETag); 0 when the state is cleared.</param>
    /// <param name="state">The state written, or null when it is cleared.</param>
    void Write(SqliteTransaction transaction, GrainId grainId, long version, object? state);
}
