namespace Platform.Grains.Storage.Postgres;

/// <summary>The database was migrated by a newer platform than this one: start-up stops rather than misread it.</summary>
public sealed class PostgresSchemaTooNewException(int found, int known) : Exception(
    $"The PostgreSQL database is at schema version {found}, newer than this platform knows ({known}): " +
    "a newer platform version migrated it. Run that version (or a newer one), or restore the database from a backup taken before the upgrade.")
{
    public int Found { get; } = found;

    public int Known { get; } = known;
}
