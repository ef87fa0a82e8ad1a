using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Platform.Worker.Agent;

// A node agent on its own: an Orleans client of the control plane at Platform:GatewayPort.
var builder = Host.CreateApplicationBuilder(args);
var gatewayPort = builder.Configuration.GetValue("Platform:GatewayPort", 30000);
builder.UseOrleansClient(client => client.UseLocalhostClustering(gatewayPort, serviceId: "platform", clusterId: "platform"));
builder.Services.AddNodeAgent(builder.Configuration);
await builder.Build().RunAsync();
