using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Platform.Grains.Telemetry;
using Platform.Silo.Telemetry;

namespace Platform.Grains.Tests.Telemetry;

/// <summary>
/// A silo with <c>Platform:Metrics:Port</c> (<see cref="SiloTelemetryExtensions.AddSiloTelemetry"/>):
/// a real silo and a real Kestrel on loopback, scraped over HTTP.
/// </summary>
public sealed class SiloMetricsPortTests : IAsyncLifetime
{
    private const string Token = "silo-scrape-token";

    private readonly TempDirectory _directory = new();
    private readonly int _port = FreePort();
    private IHost _silo = null!;

    public async Task InitializeAsync()
    {
        File.WriteAllText(_directory.File("scrape-token"), Token + "\n");
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Platform:Silo:Address"] = "127.0.0.1";
        builder.Configuration["Platform:Metrics:Port"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["Platform:Metrics:ScrapeTokenPath"] = _directory.File("scrape-token");
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()));
        builder.AddSiloTelemetry();
        _silo = builder.Build();
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task The_scrape_token_reads_the_silos_event_metrics_and_orleans_metrics()
    {
        PlatformMetrics.RecordLogLines(["stdout", "stdout"]);
        using var client = Client(Token);

        using var response = await client.GetAsync("metrics/prometheus");
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("platform_log_lines_total{", body, StringComparison.Ordinal);
        Assert.Contains("\norleans_", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("silo-scrape-tokenx")]
    [InlineData("plt_an-admin-token-means-nothing-here")]
    public async Task Anything_but_the_scrape_token_is_refused(string? bearer)
    {
        using var client = Client(bearer);

        using var response = await client.GetAsync("metrics/prometheus");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        Assert.DoesNotContain("platform_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_else_is_served()
    {
        using var client = Client(Token);

        using var response = await client.GetAsync("dashboard/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private HttpClient Client(string? bearer)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_port}/") };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
