using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Nodes;
using Platform.Grains.Hosting;
using Platform.Grains.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// One in-process silo with the platform's grains over SQLite files in a temp directory, and one
/// registered node with four fake GPUs. Shared by the tests of one class, which run one at a time.
/// </summary>
public sealed class PlatformClusterFixture : IAsyncLifetime
{
    public const string NodeId = "node-a";
    public const string Host = "10.0.0.7";
    public const int GpuCount = 4;
    public const int PortStart = 41000;

    private readonly TempDirectory _dir = new();
    private readonly CancellationTokenSource _stop = new();
    private InProcessTestCluster? _cluster;
    private Task _heartbeats = Task.CompletedTask;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster is not deployed yet.");

    public IClusterClient Client => Cluster.Client;

    public static NodeCapacity Capacity => new()
    {
        NodeId = NodeId,
        Host = Host,
        Cpus = 16,
        MemoryMb = 65536,
        Gpus = NvidiaSmi.Fake(GpuCount),
        PortStart = PortStart,
        PortEnd = PortStart + 99,
    };

    public async Task InitializeAsync()
    {
        _cluster = await DeployAsync(_dir.Path);
        await Client.GetGrain<INodeGrain>(NodeId).RegisterAsync(Capacity);
        _heartbeats = HeartbeatAsync(Client.GetGrain<INodeGrain>(NodeId), _stop.Token);
    }

    /// <summary>
    /// The agent's heartbeat, by default with no container running: keeps the node Ready and lets the
    /// tasks of ended jobs count as stopped, so their GPUs are freed as they would be on a real node.
    /// </summary>
    public static async Task HeartbeatAsync(
        INodeGrain node, CancellationToken cancellationToken, IReadOnlyList<TaskObservation>? running = null)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await node.HeartbeatAsync(running ?? []);
                await Task.Delay(200, cancellationToken);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (OrleansException)
            {
                // The cluster is going away at the end of a test class.
            }
        }
    }

    /// <summary>A one-silo cluster keeping its state in SQLite files under <paramref name="dataDir"/>.</summary>
    public static async Task<InProcessTestCluster> DeployAsync(string dataDir, Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPlatformGrains(dataDir);
            // Restarts at once, as the tests of restart rules expect; the back-off has its own tests.
            silo.Services.Configure<RestartBackoffOptions>(options => options.Initial = TimeSpan.Zero);
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _heartbeats;
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _dir.Dispose();
    }
}
