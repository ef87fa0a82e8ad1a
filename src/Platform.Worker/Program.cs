using Microsoft.Extensions.Hosting;
using Platform.Worker.Agent;
using Platform.Worker.Cluster;

// A node agent on its own: an Orleans client of the control plane (a cluster's silos found in Redis
// with Platform:Mode=cluster, one silo's client port at Platform:ControlPlane, or the embedded
// platform on this machine at Platform:GatewayPort), over mutual TLS with the certificate Platform:Tls names.
var builder = Host.CreateApplicationBuilder(args);
if (ControlPlaneClient.Problems(builder.Configuration) is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"The agent cannot start:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    return 2;
}

builder.UseOrleansClient(client => client.UsePlatformControlPlane(builder.Configuration));
builder.Services.AddNodeAgent(builder.Configuration);
await builder.Build().RunAsync();
return 0;
