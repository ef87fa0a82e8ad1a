using Platform.Core.Cluster;
using StackExchange.Redis;

namespace Platform.Silo.Cluster;

/// <summary>
/// The connection to the cluster's Redis that <c>Platform:Cluster:Redis</c> describes, trusting
/// <c>Platform:Cluster:RedisCaCertificatePath</c> for this connection only. (The agent has the same
/// few lines in Platform.Worker.Cluster: it references neither this project nor the grains.)
/// </summary>
public static class RedisConnection
{
    /// <summary>5 s: how long the start-up check waits for Redis to answer.</summary>
    public const int CheckTimeoutMs = 5000;

    public static ConfigurationOptions Options(ClusterSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.Redis!);
        if (!string.IsNullOrWhiteSpace(settings.RedisCaCertificatePath))
        {
            options.TrustIssuer(settings.RedisCaCertificatePath);
        }

        return options;
    }

    /// <summary>
    /// Connects once and asks Redis for PING, so a wrong address, password or TLS setting stops
    /// start-up with a message naming the key, not later as a membership time-out.
    /// </summary>
    public static void Check(ClusterSettings settings)
    {
        var options = Options(settings);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, CheckTimeoutMs);
        options.ConnectRetry = 1;
        try
        {
            using var connection = ConnectionMultiplexer.Connect(options);
            connection.GetDatabase().Ping();
        }
        catch (RedisException error)
        {
            throw new InvalidOperationException(
                $"Redis at {string.Join(", ", options.EndPoints)} ({ClusterSettings.Section}:Redis) cannot be used: {error.Message} "
                + "Check its address, password (password=...) and TLS (ssl=true, sslHost=..., "
                + $"{ClusterSettings.Section}:RedisCaCertificatePath).", error);
        }
    }
}
