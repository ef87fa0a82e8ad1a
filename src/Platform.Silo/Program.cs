using Microsoft.Extensions.Hosting;
using Platform.Silo;
using Platform.Silo.Cluster;
using Platform.Silo.Telemetry;

var builder = Host.CreateApplicationBuilder(args);
try
{
    builder.UseOrleans(silo => silo.UsePlatformSilo(builder.Configuration));
    builder.AddSiloTelemetry();
}
catch (StartRefusedException refused)
{
    Console.Error.WriteLine(refused.Message);
    return 2;
}

await builder.Build().RunAsync();
return 0;
