using Platform.Gateway.Apis;
using Platform.Gateway.Hosting;
using Platform.Gateway.Hubs;
using Platform.Gateway.Notebooks;
using Scalar.AspNetCore;

// appsettings.json beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPlatformDefaults();
builder.AddEmbeddedControlPlane();
builder.AddGatewayServices();

var app = builder.Build();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapJobsApi();
app.MapNodesApi();
app.MapImagesApi();
app.MapNotebooksApi();
app.MapNotebookProxy();
app.MapHub<JobsHub>("/hubs/jobs");
app.Run();

/// <summary>Entry point, public so tests can host the gateway.</summary>
public partial class Program;
