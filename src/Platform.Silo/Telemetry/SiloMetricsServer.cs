using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using Platform.Core.Telemetry;

namespace Platform.Silo.Telemetry;

/// <summary>
/// A minimal Kestrel beside the silo, on <c>Platform:Silo:Address</c> and <c>Platform:Metrics:Port</c>,
/// that serves only <c>/metrics/prometheus</c>, and only to the scrape token: a silo has no users,
/// so there is no admin sign-in here.
/// </summary>
internal sealed class SiloMetricsServer(IServiceProvider services, IConfiguration configuration, IOptions<MetricsOptions> options) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(configuration["Platform:Silo:Address"] ?? IPAddress.Loopback.ToString());
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(address, options.Value.Port!.Value));
        _app = builder.Build();
        _app.MapPrometheusScrapingEndpoint(MetricsOptions.Path, services.GetRequiredService<MeterProvider>(),
            branch => branch.Use(RequireScrapeTokenAsync), optionsName: null);
        await _app.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task RequireScrapeTokenAsync(HttpContext context, RequestDelegate next)
    {
        var token = ScrapeTokenFile.Read(options.Value.ScrapeTokenPath);
        if (ScrapeAccess.Decide(null, context.Request.Headers.Authorization, token) == ScrapeDecision.Allowed)
        {
            await next(context);
            return;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"platform\"";
        await Results.Problem("Send Authorization: Bearer with the scrape token (Platform:Metrics:ScrapeTokenPath).",
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", type: "about:blank").ExecuteAsync(context);
    }
}
