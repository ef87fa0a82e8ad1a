using Microsoft.Extensions.Configuration;
using Platform.Core.Cluster;
using Platform.Grains.Hosting;
using Platform.Silo.Cluster;
using Platform.Silo.Security;

namespace Platform.Silo;

public static class PlatformSiloExtensions
{
    /// <summary>
    /// A silo of the mode <c>Platform:Mode</c> names. Embedded (the default): localhost clustering,
    /// SQLite storage under <c>Platform:DataDir</c>, and mutual TLS on the silo and client ports
    /// (<see cref="SiloTls.UsePlatformTls"/>). Cluster: <see cref="ClusterSiloExtensions.UseClusterSilo"/>.
    /// </summary>
    public static ISiloBuilder UsePlatformSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        if (!OperatingSystem.IsWindows() && !Directory.Exists(options.DataDir))
        {
            // It holds the admin token, the CA's keys and every job's state: for this user alone.
            Directory.CreateDirectory(options.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (PlatformModes.Read(configuration) == PlatformMode.Cluster)
        {
            return silo.UseClusterSilo(configuration, options);
        }

        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: ClusterSettings.ServiceId, clusterId: ClusterSettings.DefaultClusterId);
        silo.UsePlatformTls(configuration, options.DataDir);
        return silo.AddPlatformGrains(options.DataDir);
    }
}
