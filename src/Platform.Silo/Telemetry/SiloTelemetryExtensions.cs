using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;
using Platform.Core.Telemetry;
using Platform.Grains.Hosting;

namespace Platform.Silo.Telemetry;

public static class SiloTelemetryExtensions
{
    /// <summary>Orleans' own meter (activations, messages, grain calls), exported beside the platform's.</summary>
    public static readonly string[] FrameworkMeters = ["Microsoft.Orleans"];

    /// <summary>
    /// The dashboard's silo side (its grain service, call profiling and counters), which every silo
    /// needs for a gateway to show <c>/dashboard</c>. Adding it twice adds it once.
    /// </summary>
    public static ISiloBuilder AddPlatformDashboard(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        if (!silo.Services.Any(service => service.ServiceType == typeof(DashboardAdded)))
        {
            silo.Services.AddSingleton<DashboardAdded>();
            silo.AddDashboard();
        }

        return silo;
    }

    /// <summary>
    /// For the silo process of cluster mode (one call in its Program.cs): the dashboard's silo side,
    /// and, when <c>Platform:Metrics:Port</c> is set, <c>/metrics/prometheus</c> on
    /// <c>Platform:Silo:Address</c> at that port for the scrape token only
    /// (<c>Platform:Metrics:ScrapeTokenPath</c>), so the events recorded in this silo (scheduling,
    /// waits, log lines) and Orleans' own metrics are scraped too.
    /// </summary>
    public static HostApplicationBuilder AddSiloTelemetry(this HostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseOrleans(silo => silo.AddPlatformDashboard());
        builder.Services.AddCheckedSettings<MetricsOptions>(MetricsOptions.Section);
        if (builder.Configuration.GetValue<int?>($"{MetricsOptions.Section}:Port") is null)
        {
            return builder;
        }

        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(MetricsOptions.MeterName)
            .AddMeter(FrameworkMeters)
            .AddRuntimeInstrumentation()
            .AddPrometheusExporter());
        builder.Services.AddHostedService<SiloMetricsServer>();
        return builder;
    }

    /// <summary>Marks a service collection that has the dashboard already.</summary>
    private sealed class DashboardAdded;
}
