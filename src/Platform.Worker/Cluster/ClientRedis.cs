using Platform.Core.Cluster;
using StackExchange.Redis;

namespace Platform.Worker.Cluster;

/// <summary>
/// The Redis that <c>Platform:Cluster:Redis</c> describes, as an Orleans client reads its gateway
/// list there, trusting <c>Platform:Cluster:RedisCaCertificatePath</c> for this connection only (the
/// silo's Platform.Silo.Cluster.RedisConnection does the same; this project references neither it nor the grains).
/// </summary>
public static class ClientRedis
{
    public static ConfigurationOptions Options(ClusterSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.Redis!);
        if (!string.IsNullOrWhiteSpace(settings.RedisCaCertificatePath))
        {
            options.TrustIssuer(settings.RedisCaCertificatePath);
        }

        return options;
    }
}
