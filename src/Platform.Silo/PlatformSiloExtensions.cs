using Microsoft.Extensions.Configuration;
using Platform.Grains.Hosting;
using Platform.Silo.Security;

namespace Platform.Silo;

public static class PlatformSiloExtensions
{
    /// <summary>
    /// A silo of the embedded mode: localhost clustering, SQLite storage under <c>Platform:DataDir</c>,
    /// and mutual TLS on the silo and client ports (<see cref="SiloTls.UsePlatformTls"/>).
    /// </summary>
    public static ISiloBuilder UsePlatformSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        if (!OperatingSystem.IsWindows() && !Directory.Exists(options.DataDir))
        {
            // It holds the admin token, the CA's keys and every job's state: for this user alone.
            Directory.CreateDirectory(options.DataDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "platform", clusterId: "platform");
        silo.UsePlatformTls(configuration, options.DataDir);
        return silo.AddPlatformGrains(options.DataDir);
    }
}
