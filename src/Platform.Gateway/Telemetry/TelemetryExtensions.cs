using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using Platform.Contracts.Identity;
using Platform.Core.Telemetry;
using Platform.Gateway.Identity;
using Platform.Grains.Hosting;
using Platform.Silo.Telemetry;

namespace Platform.Gateway.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>The path the Orleans dashboard is served under, admins only.</summary>
    public const string DashboardPath = "/dashboard";

    /// <summary>The authorization policy of the dashboard: a signed-in admin.</summary>
    public const string AdminPolicy = "platform-admin";

    /// <summary>
    /// OpenTelemetry metrics for Prometheus: the <c>Platform</c> meter (the silo's event instruments
    /// when it runs in this process, and the state gauges read from the grains), ASP.NET Core's,
    /// Orleans' and the runtime's; and the Orleans dashboard (in the embedded silo; in cluster mode
    /// this gateway serves it as a client of silos that have it, see <see cref="SiloTelemetryExtensions"/>).
    /// </summary>
    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedSettings<MetricsOptions>(MetricsOptions.Section);
        builder.Services.AddSingleton<ClusterSnapshotSource>();
        builder.Services.AddSingleton<ClusterGauges>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MetricsOptions.MeterName)
            .AddMeter(SiloTelemetryExtensions.FrameworkMeters)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing")
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, policy => policy
            .AddAuthenticationSchemes(IdentitySchemes.Platform)
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, nameof(Role.Admin)));
        if (string.Equals(builder.Configuration["Platform:Mode"], "cluster", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleansClient(client => client.AddDashboard());
        }
        else
        {
            builder.UseOrleans(silo => silo.AddPlatformDashboard());
        }

        return builder;
    }

    /// <summary><c>GET /metrics/prometheus</c> (admins or the scrape token) and the dashboard at <c>/dashboard/</c> (admins).</summary>
    public static WebApplication MapPlatformTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Made now, not at the first scrape, so the gauges exist before the exporter first collects.
        app.Services.GetRequiredService<ClusterGauges>();
        app.MapPrometheusScrapingEndpoint(MetricsOptions.Path, meterProvider: null,
                configureBranchedPipeline: branch => branch.UseMiddleware<ScrapeAccessMiddleware>(), optionsName: null)
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(AdminPolicy).ExcludeFromDescription();
        return app;
    }
}
