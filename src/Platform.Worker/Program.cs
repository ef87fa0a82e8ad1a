using System.Net;
using Orleans.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Worker.Agent;
using Platform.Worker.Security;

// A node agent on its own: an Orleans client of the control plane at Platform:ControlPlane
// (host:port of a silo's client port), or on this machine at Platform:GatewayPort, over mutual TLS
// with the certificate Platform:Tls names.
var builder = Host.CreateApplicationBuilder(args);
if (AgentTls.Problems(builder.Configuration) is { Count: > 0 } problems)
{
    Console.Error.WriteLine($"The agent cannot start:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    return 2;
}

var controlPlane = builder.Configuration["Platform:ControlPlane"];
var gatewayPort = builder.Configuration.GetValue("Platform:GatewayPort", 30000);
builder.UseOrleansClient(client =>
{
    if (string.IsNullOrEmpty(controlPlane))
    {
        client.UseLocalhostClustering(gatewayPort, serviceId: "platform", clusterId: "platform");
    }
    else
    {
        client.UseStaticClustering(IPEndPoint.Parse(controlPlane))
            .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = ("platform", "platform"));
    }

    client.UsePlatformTls(builder.Configuration);
});
builder.Services.AddNodeAgent(builder.Configuration);
await builder.Build().RunAsync();
return 0;
