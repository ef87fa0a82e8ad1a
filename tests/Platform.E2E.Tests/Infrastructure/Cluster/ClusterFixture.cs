namespace Platform.E2E.Tests.Infrastructure.Cluster;

/// <summary>One cluster per test class: a Redis with a password, two silos, a gateway and an agent of two fake GPUs (process runtime).</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public ClusterPki Pki { get; } = new();

    public RedisServer Redis { get; private set; } = null!;

    public ClusterProcesses Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        Cluster = new ClusterProcesses(Redis, Pki);
        await Cluster.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Redis.DisposeAsync();
        Pki.Dispose();
    }
}
