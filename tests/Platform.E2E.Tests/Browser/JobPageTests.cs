using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Browser;

/// <summary>The job page: metric charts, following a job without the hub, a long log kept bounded in the page, and Cancel.</summary>
[Trait("Category", "Browser")]
public sealed class JobPageTests(PlatformFixture fixture, ChromiumFixture chromium)
    : IClassFixture<PlatformFixture>, IClassFixture<ChromiumFixture>
{
    private const float Timeout = 60_000;

    /// <summary>Prints a loss at steps 1, 2 and 3, the first after the page has had time to open.</summary>
    private const string MetricsJob = """
        name: metrics
        image: platform/hello-ps:1.0
        command: ["sh", "-c", "sleep 2; echo '@metric {\"step\": 1, \"loss\": 0.9}'; sleep 1; echo '@metric {\"step\": 2, \"loss\": 0.6}'; echo '@metric {\"step\": 3, \"loss\": 0.3}'"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        """;

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Metric_lines_appear_as_a_chart_with_a_point_per_step()
    {
        var id = Id(await Platform.SubmitAsync(MetricsJob));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;

        await browser.GoToAsync($"#/jobs/{id}");

        await Expect(page.GetByTestId("live-mode")).ToHaveAttributeAsync("data-mode", "live");
        var chart = page.Locator("[data-testid=metric-chart][data-metric=loss]");
        await Expect(chart).ToHaveAttributeAsync("data-points", "3", new() { Timeout = Timeout });
        await chart.Locator("summary").ClickAsync();
        var points = chart.GetByTestId("metric-point");
        await Expect(points).ToHaveCountAsync(3);
        string[] steps = ["1", "2", "3"], values = ["0.9", "0.6", "0.3"];
        for (var i = 0; i < 3; i++)
        {
            await Expect(points.Nth(i)).ToHaveAttributeAsync("data-task", "worker-0");
            await Expect(points.Nth(i)).ToHaveAttributeAsync("data-step", steps[i]);
            await Expect(points.Nth(i)).ToHaveAttributeAsync("data-value", values[i]);
        }

        var plotted = await page.EvaluateAsync<double[]>(
            "() => Chart.getChart(document.querySelector('[data-metric=loss] canvas')).data.datasets[0].data.map(p => p.y)");
        Assert.Equal([0.9, 0.6, 0.3], plotted);
        await browser.ExpectJobToEndAsync(Platform, id, "Succeeded", TimeSpan.FromSeconds(60));
        await Expect(page.Locator(".log-line").Filter(new() { HasText = "@metric {\"step\": 3, \"loss\": 0.3}" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync();
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Without_the_hub_the_job_page_reads_REST_every_2_s_and_still_follows_the_job_to_its_end()
    {
        var id = Id(await Platform.SubmitAsync(MetricsJob));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await page.RouteAsync("**/hubs/jobs/**", route => route.AbortAsync());

        await browser.GoToAsync($"#/jobs/{id}");

        await Expect(page.GetByTestId("live-mode")).ToHaveAttributeAsync("data-mode", "polling");
        await browser.ExpectJobToEndAsync(Platform, id, "Succeeded", TimeSpan.FromSeconds(60));
        await Expect(page.Locator("[data-testid=metric-chart][data-metric=loss]")).ToHaveAttributeAsync("data-points", "3");
        await Expect(page.Locator(".log-line[data-task=worker-0]")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("event").Filter(new() { HasText = "Job Succeeded" })).ToHaveCountAsync(1);
        await browser.ScreenshotAsync();
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_long_log_keeps_its_last_5000_lines_in_the_page_searches_them_all_and_downloads_them_all()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: long-log
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "seq 1 20000"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;

        await browser.GoToAsync($"#/jobs/{id}");

        var lines = page.GetByTestId("log-lines").Locator(".log-line");
        await Expect(lines.Last.Locator(".log-text")).ToHaveTextAsync("20000", new() { Timeout = Timeout });
        await Expect(lines).ToHaveCountAsync(5000);
        await Expect(lines.First.Locator(".log-text")).ToHaveTextAsync("15001");
        await Expect(page.GetByTestId("log-note")).ToHaveAttributeAsync("data-hidden", "15000");
        await browser.ScreenshotAsync();

        await page.GetByTestId("log-search").FillAsync("1999");
        await Expect(lines).ToHaveCountAsync(12); // 1999, 11999 and 19990 to 19999
        await Expect(lines.First.Locator(".log-text")).ToHaveTextAsync("1999");

        await page.GetByTestId("log-search").FillAsync("");
        await page.Locator("[data-testid=log-tab][data-task=worker-0]").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("log-download").ClickAsync());
        Assert.Equal($"{id}-worker-0.txt", download.SuggestedFilename);
        var saved = await File.ReadAllLinesAsync(await download.PathAsync());
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), saved);
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task Cancel_asks_first_and_then_ends_the_running_job_Cancelled()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: cancel-me
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "trap 'echo stopping; exit 0' TERM; echo ready; while true; do sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 5
            """));
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync($"#/jobs/{id}");
        await Expect(page.Locator(".log-line").Filter(new() { HasText = "ready" })).ToHaveCountAsync(1, new() { Timeout = Timeout });
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Running");

        await page.GetByTestId("cancel-job").ClickAsync();
        var dialog = page.GetByTestId("cancel-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("5 s");
        await browser.ScreenshotAsync("dialog");
        await dialog.GetByTestId("cancel-dismiss").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.Equal("Running", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());

        await page.GetByTestId("cancel-job").ClickAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();

        await browser.ExpectJobToEndAsync(Platform, id, "Cancelled", TimeSpan.FromSeconds(60));
        await Expect(page.GetByTestId("job-reason")).ToHaveTextAsync("Cancelled by admin");
        await Expect(page.GetByTestId("cancel-job")).ToBeDisabledAsync();
        await Expect(page.Locator("[data-testid=task-row][data-task=worker-0] [data-testid=task-state]")).ToHaveTextAsync("Killed");
        await Expect(page.Locator(".log-line").Filter(new() { HasText = "stopping" })).ToHaveCountAsync(1);
        Assert.Equal("Cancelled", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
        await browser.ScreenshotAsync();
        browser.AssertNoScriptErrors();
    }
}
