using System.Net;
using Orleans.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Worker.Agent;

// A node agent on its own: an Orleans client of the control plane at Platform:ControlPlane
// (host:port of a silo's client gateway), or on this machine at Platform:GatewayPort.
var builder = Host.CreateApplicationBuilder(args);
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
});
builder.Services.AddNodeAgent(builder.Configuration);
await builder.Build().RunAsync();
