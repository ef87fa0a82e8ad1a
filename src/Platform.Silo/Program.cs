using Microsoft.Extensions.Hosting;
using Platform.Silo;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo.UsePlatformSilo(builder.Configuration));
await builder.Build().RunAsync();
