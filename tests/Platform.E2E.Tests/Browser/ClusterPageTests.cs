using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Browser;

/// <summary>The cluster page: nodes and their GPU slots, with who holds each, kept current.</summary>
[Trait("Category", "Browser")]
public sealed class ClusterPageTests(PlatformFixture fixture, ChromiumFixture chromium)
    : IClassFixture<PlatformFixture>, IClassFixture<ChromiumFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task The_GPU_grid_shows_the_job_and_task_that_hold_a_GPU_while_it_runs_and_free_after()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/cluster");
        var slots = page.Locator($"[data-testid=node][data-node='{Platform.NodeId}'] [data-testid=gpu-slot]");
        await Expect(slots).ToHaveCountAsync(4);
        await Expect(slots.GetByTestId("gpu-holder").Filter(new() { HasText = "free" })).ToHaveCountAsync(4);

        var id = Id(await Platform.SubmitAsync("""
            name: holds-gpu
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "30" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            terminationGracePeriodSeconds: 2
            """));

        var held = page.Locator($"[data-testid=node][data-node='{Platform.NodeId}'] [data-testid=gpu-slot][data-holder='{id}/worker-0']");
        await Expect(held).ToHaveCountAsync(1);
        var holder = held.GetByTestId("gpu-holder");
        await Expect(holder).ToHaveTextAsync($"{id} / worker-0");
        await Expect(holder).ToHaveAttributeAsync("href", $"#/jobs/{id}");
        await Expect(slots.GetByTestId("gpu-holder").Filter(new() { HasText = "free" })).ToHaveCountAsync(3);
        await browser.ScreenshotAsync();

        await holder.ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Running");
        await Expect(page.Locator("[data-testid=task-row][data-task=worker-0]")).ToContainTextAsync(Platform.NodeId);
        await browser.ScreenshotAsync("job");

        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await page.GetByTestId("nav-cluster").ClickAsync();
        await Expect(slots.GetByTestId("gpu-holder").Filter(new() { HasText = "free" })).ToHaveCountAsync(4, new() { Timeout = 60_000 });
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task An_admin_drains_and_undrains_a_node_from_its_card_and_a_member_gets_no_button()
    {
        await using (var browser = await BrowserSession.OpenAsync(chromium, Platform))
        {
            await browser.GoToAsync("#/cluster");
            var card = browser.Page.Locator($"[data-testid=node][data-node='{Platform.NodeId}']");
            await Expect(card.GetByTestId("node-state")).ToHaveTextAsync("Ready");

            await card.GetByTestId("drain-node").ClickAsync();

            await Expect(card.GetByTestId("node-state")).ToHaveTextAsync("Draining");
            await Expect(card.GetByTestId("node-drained")).ToHaveTextAsync("admin");
            Assert.Equal("Draining", (await Platform.NodeAsync(Platform.NodeId))!.Value.GetProperty("state").GetString());
            await browser.ScreenshotAsync("draining");

            await card.GetByTestId("undrain-node").ClickAsync();

            await Expect(card.GetByTestId("node-state")).ToHaveTextAsync("Ready");
            await Expect(card.GetByTestId("node-drained")).ToHaveCountAsync(0);
            browser.AssertNoScriptErrors();
        }

        using var member = await Platform.UserAsync("cluster-member", "member", "default");
        await using var session = await BrowserSession.OpenAsync(chromium, Platform, member.Token);
        await session.GoToAsync("#/cluster");
        var seen = session.Page.Locator($"[data-testid=node][data-node='{Platform.NodeId}']");
        await Expect(seen.GetByTestId("node-state")).ToHaveTextAsync("Ready");
        await Expect(seen.GetByTestId("drain-node")).ToHaveCountAsync(0);
        session.AssertNoScriptErrors();
    }

    [Fact]
    public async Task The_images_panel_lists_each_framework_image_with_its_version_and_node()
    {
        await DockerEngine.RequireImagesAsync("platform/pytorch:2.6-cpu", "platform/pytorch:1.13-cpu");
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/cluster");

        foreach (var (image, framework, version) in new[] { ("platform/pytorch:2.6-cpu", "pytorch", "2.6"), ("platform/pytorch:1.13-cpu", "pytorch", "1.13"), ("platform/hello-ps:1.0", "python", "3") })
        {
            var row = page.Locator($"[data-testid=image-row][data-image='{image}']");
            await Expect(row.GetByTestId("image-framework")).ToHaveTextAsync(framework);
            await Expect(row.GetByTestId("image-version")).ToHaveTextAsync(version);
            await Expect(row).ToContainTextAsync(Platform.NodeId);
        }

        await Expect(page.GetByTestId("images-allowed")).ToHaveTextAsync("Allowed: platform/*");
        await page.GetByTestId("images").ScrollIntoViewIfNeededAsync();
        await browser.ScreenshotAsync("images");
        browser.AssertNoScriptErrors();
    }
}
