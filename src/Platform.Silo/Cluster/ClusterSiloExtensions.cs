using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Core.Cluster;
using Platform.Core.Security;
using Platform.Grains.Hosting;
using Platform.Grains.Storage;
using Platform.Silo.Security;
using StackExchange.Redis;

namespace Platform.Silo.Cluster;

public static class ClusterSiloExtensions
{
    /// <summary>
    /// A silo of a cluster: Redis membership, grain state and reminders (<c>Platform:Cluster:Redis</c>),
    /// listening and advertised on <c>Platform:Silo:Address</c> at <c>Platform:SiloPort</c> and
    /// <c>Platform:GatewayPort</c>, mutual TLS with the certificates <c>Platform:Tls</c> names, logs and
    /// the job index in PostgreSQL (<c>Platform:Cluster:Postgres</c>).
    /// Missing or wrong settings, or a Redis that refuses it, stop start-up with a message naming the key.
    /// </summary>
    public static ISiloBuilder UseClusterSilo(this ISiloBuilder silo, IConfiguration configuration, PlatformOptions options)
    {
        var cluster = configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
        var endpoint = configuration.GetSection(SiloSettings.Section).Get<SiloSettings>() ?? new SiloSettings();
        var tls = configuration.GetSection(TlsSettings.Section).Get<TlsSettings>() ?? new TlsSettings();
        // Silos on several machines cannot each make their own CA: the files are required.
        var problems = cluster.SiloProblems().Concat(endpoint.Problems()).Concat(tls.AgentProblems()).ToList();
        if (problems.Count > 0)
        {
            throw new StartRefusedException($"The silo cannot start in cluster mode:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        RedisConnection.Check(cluster);
        var redis = RedisConnection.Options(cluster);
        silo.Configure<ClusterOptions>(orleans => (orleans.ClusterId, orleans.ServiceId) = (cluster.ClusterId, ClusterSettings.ServiceId));
        silo.ConfigureEndpoints(IPAddress.Parse(endpoint.Address!), options.SiloPort, options.GatewayPort);
        silo.UseRedisClustering(clustering => clustering.ConfigurationOptions = redis.Clone());
        // The default directory is only eventually consistent: around a silo's join or death it can
        // let a grain be active on two silos at once, and two NodeGrains of one node can disagree
        // about its heartbeat (one declares it Lost while its agent talks to the other), so a job is
        // placed again while its tasks still run. This directory does not serve a range whose owner
        // is changing until that range is recovered: one activation per grain, always.
#pragma warning disable ORLEANSEXP003 // evaluation API of Orleans 10; its guarantee is the one placement and leases need.
        silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        silo.UseRedisReminderService(reminders => reminders.ConfigurationOptions = redis.Clone());
        silo.UsePlatformTls(configuration, options.DataDir, requireFiles: true);
        silo.Services.AddOptions<RedisStorageOptions>(StorageNames.Platform).Configure<Serializer>((storage, serializer) =>
        {
            storage.ConfigurationOptions = redis.Clone();
            // Orleans' binary format with the [Id]s of our state types, as the embedded SQLite store uses:
            // the JSON default would tie stored state to .NET type names.
            storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            storage.DeleteStateOnClear = true;
        });
        var keyRing = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(redis.Clone()));
        return silo.AddClusterGrains(options.DataDir, RedisGrainStorageFactory.Create, () => keyRing.Value.GetDatabase(), cluster.Postgres!);
    }
}
