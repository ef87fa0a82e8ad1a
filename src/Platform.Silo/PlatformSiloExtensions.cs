using Microsoft.Extensions.Configuration;
using Platform.Grains.Hosting;

namespace Platform.Silo;

public static class PlatformSiloExtensions
{
    /// <summary>
    /// A silo of the embedded mode: localhost clustering and SQLite storage under
    /// <c>Platform:DataDir</c>.
    /// </summary>
    public static ISiloBuilder UsePlatformSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        var options = configuration.GetSection(PlatformOptions.Section).Get<PlatformOptions>() ?? new PlatformOptions();
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: "platform", clusterId: "platform");
        return silo.AddPlatformGrains(options.DataDir);
    }
}
