using Npgsql;

namespace Platform.Grains.Storage.Postgres;

/// <summary>
/// The cluster's PostgreSQL database: one pooled <see cref="NpgsqlDataSource"/> from an Npgsql
/// connection string (password and TLS through Npgsql's own keywords: <c>Password</c>,
/// <c>SSL Mode=VerifyFull</c>, <c>Root Certificate</c>), and the one retry every store makes.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly ILogger _logger;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase> logger)
    {
        _logger = logger;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName ??= "platform";
        DataSource = NpgsqlDataSource.Create(builder);
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Brings the schema to <see cref="PostgresMigrations.Latest"/> (see <see cref="PostgresMigrator"/>).</summary>
    public Task<int> MigrateAsync(CancellationToken cancellationToken = default) =>
        new PostgresMigrator(DataSource, PostgresMigrations.All, _logger).MigrateAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="operation"/> on a pooled connection, once more on a fresh one when the
    /// first turned out broken: after PostgreSQL restarts, every idle pooled connection is dead and
    /// only using it tells. Every operation of the stores is idempotent (upserts, inserts that skip
    /// what is stored), so running one twice after a commit whose answer was lost stores nothing twice.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> operation)
    {
        try
        {
            await using var connection = await DataSource.OpenConnectionAsync();
            return await operation(connection);
        }
        catch (Exception e) when (IsBrokenConnection(e))
        {
            _logger.LogWarning("PostgreSQL connection broken ({Message}); retrying once on a new connection", e.Message);
            DataSource.Clear();
            await using var connection = await DataSource.OpenConnectionAsync();
            return await operation(connection);
        }
    }

    /// <summary>A failure of the connection rather than of the statement: the server went away or is starting.</summary>
    public static bool IsBrokenConnection(Exception e) => e switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
            || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient,
        _ => false,
    };

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
