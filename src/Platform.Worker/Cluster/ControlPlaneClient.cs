using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Platform.Core.Cluster;
using Platform.Worker.Security;

namespace Platform.Worker.Cluster;

/// <summary>How an Orleans client (a standalone agent, a cluster's gateway) finds the control plane and proves who it is.</summary>
public static class ControlPlaneClient
{
    /// <summary>
    /// What the client's settings lack, each naming its key: the <c>Platform:Tls</c> files always,
    /// and in cluster mode (unless <c>Platform:ControlPlane</c> names a silo) <c>Platform:Cluster:Redis</c>.
    /// </summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>(AgentTls.Problems(configuration));
        var mode = ClusterSettings.ParseMode(configuration[ClusterSettings.ModeKey]);
        if (mode is null)
        {
            problems.Add($"{ClusterSettings.ModeKey} is '{configuration[ClusterSettings.ModeKey]}': it must be embedded (the default) or cluster.");
        }
        else if (mode == PlatformMode.Cluster && string.IsNullOrEmpty(configuration[ControlPlaneKey]))
        {
            problems.AddRange(Cluster(configuration).Problems());
        }

        return problems;
    }

    /// <summary>The key naming one silo's client port (host:port) to connect to, instead of Redis or this machine.</summary>
    public const string ControlPlaneKey = "Platform:ControlPlane";

    /// <summary>
    /// Clustering by <c>Platform:ControlPlane</c> when set (one silo's client port), else by Redis in
    /// cluster mode, else the embedded platform on this machine at <c>Platform:GatewayPort</c>;
    /// mutual TLS with the certificate <c>Platform:Tls</c> names (<see cref="AgentTls"/>).
    /// </summary>
    public static IClientBuilder UsePlatformControlPlane(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = ClusterSettings.ParseMode(configuration[ClusterSettings.ModeKey]) == PlatformMode.Cluster;
        var settings = Cluster(configuration);
        var clusterId = cluster ? settings.ClusterId : ClusterSettings.DefaultClusterId;
        if (configuration[ControlPlaneKey] is { Length: > 0 } controlPlane)
        {
            client.UseStaticClustering(IPEndPoint.Parse(controlPlane));
        }
        else if (cluster)
        {
            client.UseRedisClustering(options => options.ConfigurationOptions = ClientRedis.Options(settings));
        }
        else
        {
            client.UseLocalhostClustering(configuration.GetValue("Platform:GatewayPort", 30000));
        }

        client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (clusterId, ClusterSettings.ServiceId));
        client.UseConnectionRetryFilter<ControlPlaneRetry>();
        return client.UsePlatformTls(configuration);
    }

    private static ClusterSettings Cluster(IConfiguration configuration) =>
        configuration.GetSection(ClusterSettings.Section).Get<ClusterSettings>() ?? new ClusterSettings();
}
