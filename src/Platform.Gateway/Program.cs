using Platform.Gateway.Apis;
using Platform.Gateway.Doors;
using Platform.Gateway.Errors;
using Platform.Gateway.Hosting;
using Platform.Gateway.Hubs;
using Platform.Gateway.Identity;
using Platform.Gateway.Notebooks;
using Platform.Gateway.Telemetry;
using Platform.Silo.Cluster;
using Scalar.AspNetCore;

// appsettings.json beside the binary, wherever the process is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddPlatformDefaults();
try
{
    builder.AddControlPlane();
}
catch (StartRefusedException refused)
{
    // Settings it cannot start with: the message names the keys, without a stack trace.
    Console.Error.WriteLine(refused.Message);
    return 2;
}

builder.AddGatewayServices();
builder.Services.AddNotebookOrigins();
builder.AddPlatformTelemetry();

var app = builder.Build();
app.UsePlatformErrors();
app.UsePlatformDoors();
app.UseNotebookOrigins();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseRouting();
app.UsePlatformIdentity();
app.UseBodyLimits();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference().AllowAnonymous();
app.MapSessionApi().WithBodyLimit(BodyLimit.Json);
app.MapTokensApi().WithBodyLimit(BodyLimit.Json);
app.MapJobsApi().WithBodyLimit(BodyLimit.Spec);
app.MapNodesApi();
app.MapImagesApi();
app.MapNotebooksApi().WithBodyLimit(BodyLimit.Json);
app.MapSecretsApi().WithBodyLimit(SecretsApi.Body);
app.MapNotebookProxy();
app.MapPlatformTelemetry();
// A connection ends when its token or JWT expires, as a request with it would be refused.
app.MapHub<JobsHub>("/hubs/jobs", options => options.CloseOnAuthenticationExpiration = true);
app.MapFaultEndpoint(app.Configuration);
app.Run();
return 0;

/// <summary>Entry point, public so tests can host the gateway.</summary>
public partial class Program;
