using Platform.Tests.Postgres;

namespace Platform.E2E.Tests.Infrastructure.Cluster;

/// <summary>One cluster per test class: a Redis with a password, a PostgreSQL, two silos, two gateways and an agent of two fake GPUs (process runtime).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterPki Pki { get; } = new();

    public RedisServer Redis { get; private set; } = null!;

    public PostgresServer Postgres { get; private set; } = null!;

    public ClusterProcesses Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Postgres = await PostgresServer.StartNewAsync();
        Cluster = new ClusterProcesses(Redis, Pki, Postgres.ConnectionString(await Postgres.CreateDatabaseAsync()));
        await Cluster.StartAsync(silos: 2, gateways: 2);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
        Pki.Dispose();
    }
}
