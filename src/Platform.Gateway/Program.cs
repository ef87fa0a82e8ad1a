using Platform.Gateway.Apis;
using Platform.Gateway.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformDefaults();
builder.AddEmbeddedControlPlane();
builder.AddGatewayServices();

var app = builder.Build();
app.MapOpenApi();
app.MapJobsApi();
app.MapNodesApi();
app.MapImagesApi();
app.Run();

/// <summary>Entry point, public so tests can host the gateway.</summary>
public partial class Program;
