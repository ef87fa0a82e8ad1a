using Microsoft.Data.Sqlite;

namespace Platform.Grains.Storage;

/// <summary>
/// One SQLite file of the embedded mode, in WAL mode so readers never block the writer. With
/// <c>durable</c> every commit is synced to disk (synchronous=FULL: it survives a crash
/// of the machine); without, commits survive a crash of the process (synchronous=NORMAL), which is
/// what log lines need at a fraction of the cost.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly string _synchronous;

    public SqliteDatabase(string path, string schema, bool durable = true)
    {
        _synchronous = durable ? "FULL" : "NORMAL";
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;" + schema;
        command.ExecuteNonQuery();
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA synchronous={_synchronous}; PRAGMA busy_timeout=30000;";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
