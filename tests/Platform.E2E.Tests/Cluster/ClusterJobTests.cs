using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Browser;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Observability;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// Cluster mode on <c>scripts/cluster.sh</c>'s local cluster: a job spread over three agents that
/// reach each other at their own addresses, logs that outlive every process, a browser on one
/// gateway following a job submitted through the other, and a lost agent's tasks placed again.
/// </summary>
[Trait("Category", "Cluster")]
[Collection(LocalClusterCollection.Name)]
public sealed class ClusterJobTests(LocalCluster cluster, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_job_needing_every_agent_spreads_over_them_reaches_their_addresses_and_keeps_its_logs_after_every_process_restarts()
    {
        // Three workers of two GPUs each: no agent has more than two, so each worker gets an agent of its own.
        var spec = Samples.HelloPsJob.Replace("gpus: 1", $"gpus: {LocalCluster.GpusPerAgent}", StringComparison.Ordinal);
        var id = JobJson.Id(await cluster.Http2.SubmitAsync(spec));

        var job = await cluster.Http1.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(3));

        var workers = job.GetProperty("tasks").EnumerateArray().Where(task => task.GetProperty("type").GetString() == "worker").ToList();
        Assert.Equal(LocalCluster.AgentNames, workers.Select(task => task.GetProperty("node").GetString()).Order());
        var addresses = Enumerable.Range(1, LocalCluster.Agents).Select(LocalCluster.AgentAddress).ToList();
        Assert.All(workers, task => Assert.Equal(
            LocalCluster.AgentAddress(int.Parse(task.GetProperty("node").GetString()!["agent-".Length..], System.Globalization.CultureInfo.InvariantCulture)),
            task.GetProperty("host").GetString()));
        // The parameter servers are stopped at the job's end; their last words arrive after it.
        var logs = new List<JsonElement>();
        await Eventually.HoldsAsync(async () =>
        {
            logs = await cluster.Http2.LogsAsync(id);
            Assert.Equal(2, logs.Count(line => Text(line) == "stopping on SIGTERM"));
        }, TimeSpan.FromSeconds(60), "both parameter servers' last line");
        var tfConfig = logs.Select(Text).First(text => text.Contains("TF_CONFIG", StringComparison.Ordinal));
        Assert.All(addresses, address => Assert.Contains($"{address}:", tfConfig, StringComparison.Ordinal));
        var events = await cluster.Http1.EventsAsync(id);

        // Every process that touched the job goes and comes back: the logs and the timeline are whole.
        foreach (var name in (string[])["gateway-1", "gateway-2", "silo-1", "silo-2", .. LocalCluster.AgentNames])
        {
            await cluster.KillAsync(name);
        }

        // Both silos at once, as systemd would: a silo joins once it reaches every silo listed active, each new one retires its own old entry.
        await Task.WhenAll(cluster.StartAsync("silo-1"), cluster.StartAsync("silo-2"));
        foreach (var name in (string[])["gateway-1", "gateway-2", .. LocalCluster.AgentNames])
        {
            await cluster.StartAsync(name);
        }

        await cluster.WaitForNodesAsync(cluster.Http1);
        var after = await cluster.Http1.LogsAsync(id);
        Assert.Equal(logs.Select(Line), after.Select(Line));
        Assert.Equal(events, await cluster.Http2.EventsAsync(id));
        Assert.Equal("Succeeded", (await cluster.Http2.GetJobAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_browser_on_gateway_1_follows_the_logs_of_a_job_submitted_through_gateway_2()
    {
        var id = JobJson.Id(await cluster.Http2.SubmitAsync("""
            name: two-gateways
            runtime: process
            command: ["sh", "-c", "sleep 3; for i in $(seq 1 40); do echo \"line $i\"; sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
            """));
        await using var browser = await BrowserSession.OpenAsync(chromium, cluster.Gateway1, cluster.AdminToken);
        await browser.GoToAsync($"#/jobs/{id}");

        await Expect(browser.Page.GetByTestId("live-mode")).ToHaveAttributeAsync("data-mode", "live");
        var lines = browser.Page.GetByTestId("log-lines").Locator(".log-line");
        await Expect(lines.Last.Locator(".log-text")).ToHaveTextAsync("line 40", new() { Timeout = 60_000 });
        await Expect(lines).ToHaveCountAsync(40);
        await Expect(browser.Page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_killed_agents_tasks_are_placed_again_on_another_and_its_stale_container_is_stopped_when_it_returns()
    {
        var id = JobJson.Id(await cluster.Http1.SubmitAsync("""
            name: moves-on
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "30" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            restartPolicy: OnFailure
            terminationGracePeriodSeconds: 2
            """));
        var first = await cluster.Http1.RunningWorkerAsync(id, attempt: 0, TimeSpan.FromSeconds(90));
        var lost = first.GetProperty("node").GetString()!;
        var container = first.GetProperty("containerId").GetString()!;

        await cluster.KillAsync(lost);
        try
        {
            var moved = await cluster.Http1.RunningWorkerAsync(id, attempt: 1, TimeSpan.FromSeconds(2 * LocalCluster.LostAfterSeconds + 60));
            Assert.NotEqual(lost, moved.GetProperty("node").GetString());
            Assert.Equal("Lost", (await cluster.Http2.NodeAsync(lost))?.GetProperty("state").GetString());
            Assert.Contains(await DockerEngine.ContainersAsync("platform.job", id), c => c.ID == container && c.State == "running");
        }
        finally
        {
            await cluster.StartAsync(lost);
        }

        await Eventually.HoldsAsync(async () => Assert.DoesNotContain(await DockerEngine.ContainersAsync("platform.job", id), c => c.ID == container),
            TimeSpan.FromSeconds(60), "the returning agent to stop the replaced container");
        await cluster.Http1.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(90));
        await cluster.WaitForNodesAsync(cluster.Http1);
    }

    [Fact]
    public async Task Gateways_and_silos_serve_metrics_to_the_scrape_token_and_the_gateway_shows_every_agents_gpus()
    {
        using var scraper = PlatformApi.Client(cluster.Gateway2, cluster.ScrapeToken);
        var gateway = new PrometheusText(await scraper.GetStringAsync("metrics/prometheus"));
        Assert.All(LocalCluster.AgentNames, agent =>
            Assert.Equal(LocalCluster.GpusPerAgent, gateway.Of("platform_gpus", ("node", agent)).Sum(sample => sample.Value)));
        Assert.NotEmpty(gateway.Of("platform_jobs"));

        foreach (var silo in cluster.SiloMetrics)
        {
            using var withToken = PlatformApi.Client(silo, cluster.ScrapeToken);
            Assert.Contains("orleans_", await withToken.GetStringAsync(silo), StringComparison.Ordinal);
            using var withAdminToken = PlatformApi.Client(silo, cluster.AdminToken);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await withAdminToken.GetAsync(silo)).StatusCode);
        }
    }

    private static string Text(JsonElement line) => line.GetProperty("text").GetString()!;

    private static (long, string, string) Line(JsonElement line) =>
        (line.GetProperty("seq").GetInt64(), line.GetProperty("task").GetString()!, Text(line));
}
