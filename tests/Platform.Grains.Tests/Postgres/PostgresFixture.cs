using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;
using Platform.Grains.Storage.Postgres;
using Platform.Tests.Postgres;

namespace Platform.Grains.Tests.Postgres;

/// <summary>Starts the tests' PostgreSQL server once; each test takes a fresh database from it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>Orleans' serializer for the job index's views, as a silo has it.</summary>
    public static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(JobGrainState).Assembly).AddAssembly(typeof(JobSpec).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server is not started.");

    /// <summary>A new database, not yet migrated.</summary>
    public async Task<PostgresDatabase> NewDatabaseAsync(string? name = null) =>
        new(Server.ConnectionString(name ?? await Server.CreateDatabaseAsync()), NullLogger<PostgresDatabase>.Instance);

    /// <summary>A new database at the latest schema version.</summary>
    public async Task<PostgresDatabase> MigratedDatabaseAsync()
    {
        var database = await NewDatabaseAsync();
        await database.MigrateAsync();
        return database;
    }

    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
