using System.Net;
using Platform.E2E.Tests.Doors;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Observability;

/// <summary>
/// <c>/metrics/prometheus</c> and <c>/dashboard</c> on a real embedded platform: what a scrape shows
/// after a job ran, and who may look.
/// </summary>
[Trait("Category", "Docker")]
public sealed class MetricsAndDashboardTests(ObservabilityFixture fixture) : IClassFixture<ObservabilityFixture>
{
    private const string MetricsPath = "metrics/prometheus";

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_scrape_after_a_job_shows_jobs_by_state_gpus_log_lines_and_scheduling_latency()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: scraped
            runtime: process
            command: ["sh", "-c", "echo one; echo two; echo three >&2"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64, gpus: 1 } }
            """));
        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));
        await Eventually.HoldsAsync(async () => Assert.Equal(3, (await Platform.LogsAsync(id)).Count), TimeSpan.FromSeconds(30), "the job's three lines");

        PrometheusText metrics = null!;
        // The state gauges reuse a read of the grains for up to 5 s.
        await Eventually.HoldsAsync(async () =>
        {
            metrics = await ScrapeAsync(Platform.Http);
            Assert.True(metrics.Value("platform_jobs", ("state", "Succeeded")) >= 1, "no Succeeded job counted");
        }, TimeSpan.FromSeconds(30), "the succeeded job in platform_jobs");

        Assert.Equal(0, metrics.Value("platform_jobs", ("state", "Cancelled")));
        Assert.Equal(2, metrics.Of("platform_gpus", ("node", Platform.NodeId)).Sum(sample => sample.Value));
        Assert.Single(metrics.Of("platform_gpus", ("node", Platform.NodeId), ("state", "held")));
        Assert.Single(metrics.Of("platform_gpus", ("node", Platform.NodeId), ("state", "free")));
        Assert.InRange(metrics.Value("platform_node_heartbeat_age_seconds", ("node", Platform.NodeId)), 0, 60);
        Assert.Equal(0, metrics.Value("platform_queue_length"));
        Assert.True(metrics.Value("platform_log_lines_total", ("stream", "stdout")) >= 2, metrics.Text);
        Assert.True(metrics.Value("platform_log_lines_total", ("stream", "stderr")) >= 1, metrics.Text);
        Assert.True(metrics.Value("platform_scheduling_duration_seconds_bucket", ("le", "+Inf")) >= 1, "no scheduling pass recorded");
        Assert.True(metrics.Value("platform_jobs_wait_seconds_count") >= 1, "no job wait recorded");
        Assert.NotEmpty(metrics.Of("http_server_request_duration_seconds_bucket"));
    }

    [Fact]
    public async Task The_scrape_token_reads_the_metrics_without_a_user()
    {
        using var prometheus = Platform.ClientWith(fixture.ScrapeToken);

        var metrics = await ScrapeAsync(prometheus);

        Assert.NotEmpty(metrics.Of("platform_jobs"));
        Assert.NotEmpty(metrics.Of("platform_queue_oldest_wait_seconds"));
    }

    [Fact]
    public async Task Members_viewers_strangers_and_wrong_tokens_are_refused_the_metrics()
    {
        using var member = await Platform.UserAsync("mia", "member", "vision");
        using var viewer = await Platform.UserAsync("val", "viewer", "vision");
        using var nobody = Platform.ClientWith(null);
        using var guesser = Platform.ClientWith(fixture.ScrapeToken + "x");

        await Problem.AssertAsync(await member.Http.GetAsync(MetricsPath), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await viewer.Http.GetAsync(MetricsPath), HttpStatusCode.Forbidden);
        foreach (var stranger in new[] { nobody, guesser })
        {
            using var response = await stranger.GetAsync(MetricsPath);
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        }
    }

    [Fact]
    public async Task The_dashboard_is_for_admins()
    {
        using var member = await Platform.UserAsync("max", "member", "vision");
        using var nobody = Platform.ClientWith(null);
        using var prometheus = Platform.ClientWith(fixture.ScrapeToken);

        using var page = await Platform.Http.GetAsync("dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // The silo side answers too: the cluster's statistics come from the dashboard's grains.
        using var stats = await Platform.Http.GetAsync("dashboard/ClusterStats");
        Assert.True(stats.StatusCode == HttpStatusCode.OK, await stats.Content.ReadAsStringAsync());

        await Problem.AssertAsync(await member.Http.GetAsync("dashboard/"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await member.Http.GetAsync("dashboard/ClusterStats"), HttpStatusCode.Forbidden);
        await Problem.AssertAsync(await nobody.GetAsync("dashboard/"), HttpStatusCode.Unauthorized);
        // The scrape token opens the metrics, nothing else.
        await Problem.AssertAsync(await prometheus.GetAsync("dashboard/"), HttpStatusCode.Unauthorized);
    }

    private static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(MetricsPath);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"scrape answered {(int)response.StatusCode}: {body}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        return new PrometheusText(body);
    }
}
