using Npgsql;

namespace Platform.Grains.Storage.Postgres;

/// <summary>
/// Brings a database to the latest <see cref="PostgresMigration"/>: each missing step in its own
/// transaction under a transaction-level advisory lock, so silos starting together apply each step
/// once and the others wait, then see it applied.
/// </summary>
public sealed class PostgresMigrator(NpgsqlDataSource dataSource, IReadOnlyList<PostgresMigration> migrations, ILogger logger)
{
    /// <summary>The advisory lock key every platform process takes to migrate (a fixed, arbitrary number: "platform" in ASCII).</summary>
    public const long LockKey = 0x706C6174666F726D;

    private const string VersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     integer     PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now())
        """;

    /// <summary>Applies the missing steps; answers the version the database is at.</summary>
    /// <exception cref="PostgresSchemaTooNewException">The database is newer than the last step known here.</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        CheckOrdered(migrations);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        while (true)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey}); {VersionTable}", cancellationToken);
            var current = await CurrentAsync(connection, cancellationToken);
            if (current > latest)
            {
                throw new PostgresSchemaTooNewException(current, latest);
            }

            if (current == latest)
            {
                await transaction.CommitAsync(cancellationToken);
                return current;
            }

            var next = migrations.First(migration => migration.Version > current);
            await ExecuteAsync(connection, next.Sql, cancellationToken);
            await using (var record = new NpgsqlCommand("INSERT INTO schema_version (version, description) VALUES (@v, @d)", connection))
            {
                record.Parameters.AddWithValue("v", next.Version);
                record.Parameters.AddWithValue("d", next.Description);
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("PostgreSQL schema migrated to version {Version}: {Description}", next.Version, next.Description);
        }
    }

    /// <summary>Steps must be numbered 1, 2, 3, ... in order: a gap or a repeat is a programming error.</summary>
    public static void CheckOrdered(IReadOnlyList<PostgresMigration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"PostgreSQL migration #{i + 1} has version {migrations[i].Version}; versions must run 1, 2, 3, ... without gaps.");
            }
        }
    }

    private static async Task<int> CurrentAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
