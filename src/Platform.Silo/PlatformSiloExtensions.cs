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
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "platform", clusterId: "platform");
        silo.UsePlatformTls(configuration, options.DataDir);
        return silo.AddPlatformGrains(options.DataDir);
    }
}
