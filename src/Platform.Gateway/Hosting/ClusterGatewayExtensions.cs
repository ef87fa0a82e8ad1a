using Platform.Core.Cluster;
using Platform.Grains.Hosting;
using Platform.Grains.Secrets;
using Platform.Silo.Cluster;
using Platform.Worker.Cluster;
using StackExchange.Redis;

namespace Platform.Gateway.Hosting;

public static class ClusterGatewayExtensions
{
    /// <summary>
    /// A cluster's gateway: an Orleans client of the silos it finds in Redis, over mutual TLS with
    /// the certificate <c>Platform:Tls</c> names; no silo and no agent inside, no database opened:
    /// everything goes through grains. It binds the options the embedded silo would have bound for
    /// it, and keeps its session cookies in the cluster's Data Protection key ring, so any gateway
    /// reads a cookie another one wrote.
    /// </summary>
    public static WebApplicationBuilder AddClusterControlPlane(this WebApplicationBuilder builder)
    {
        var cluster = builder.Configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        // Even with Platform:ControlPlane naming one silo, the key ring needs Redis.
        if (ControlPlaneClient.Problems(builder.Configuration).Concat(cluster.Problems()).Distinct().ToList() is { Count: > 0 } problems)
        {
            throw new StartRefusedException($"The gateway cannot start in cluster mode:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        RedisConnection.Check(cluster);
        builder.UseOrleansClient(client => client.UsePlatformControlPlane(builder.Configuration));
        builder.Services.AddPlatformSchedulingOptions();
        builder.Services.AddPlatformNotebookOptions();
        var keyRing = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(RedisConnection.Options(cluster)));
        builder.Services.AddPlatformKeyRing(() => keyRing.Value.GetDatabase());
        return builder;
    }
}
