using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// Idle culling with a 1-minute timeout, on a platform whose minute lasts ten seconds: a notebook
/// is idle when no kernel has been busy and no request has passed the proxy for that long.
/// </summary>
[Trait("Category", "Docker")]
public sealed class NotebookCullingTests(ShortMinuteFixture fixture) : IClassFixture<ShortMinuteFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    private TimeSpan Minute => TimeSpan.FromSeconds(fixture.MinuteSeconds);

    [Fact]
    public async Task Untouched_notebook_is_culled_and_frees_its_gpu_while_one_with_a_busy_kernel_is_not()
    {
        var busy = await Platform.StartReadyNotebookAsync(gpus: 1, idleTimeoutMinutes: 1);
        var jupyter = new JupyterThroughProxy(Platform, busy);
        var kernel = await jupyter.StartKernelAsync();
        await using var socket = await jupyter.ConnectAsync(kernel);
        await socket.SendExecuteAsync("import time; time.sleep(600)");
        await Eventually.HoldsAsync(async () =>
            Assert.Equal("busy", (await jupyter.KernelAsync(kernel)).GetProperty("execution_state").GetString()),
            TimeSpan.FromSeconds(30), "the kernel to be busy");
        var untouched = JobJson.Id(await Platform.StartNotebookAsync(gpus: 1, idleTimeoutMinutes: 1));
        var held = (await Platform.WaitForNotebookAsync(untouched, "Ready")).GetProperty("gpus")[0].GetString();

        var culled = await Platform.WaitForNotebookAsync(untouched, "Culled", Minute * 10);
        Assert.Equal("idle for 1 minute", culled.GetProperty("reason").GetString());
        await Eventually.HoldsAsync(async () => Assert.Empty(await Platform.GpusHeldByAsync(untouched)), TimeSpan.FromSeconds(30), "the culled notebook's GPU freed");
        await DockerEngine.WaitForNoContainersAsync(untouched, TimeSpan.FromSeconds(30));

        // The busy one has now been without a proxied request for longer than the untouched one was.
        await Task.Delay(Minute * 2);
        var still = await Platform.GetNotebookAsync(busy);
        Assert.Equal("Ready", still.GetProperty("state").GetString());
        Assert.NotEqual(held, still.GetProperty("gpus")[0].GetString());
        Assert.True(DateTimeOffset.UtcNow - still.GetProperty("lastActivity").GetDateTimeOffset() < Minute,
            $"a busy kernel is activity now, yet lastActivity is {still.GetProperty("lastActivity")}");

        await Platform.StopNotebookAsync(busy);
    }

    [Fact]
    public async Task Requests_through_the_proxy_keep_a_notebook_without_kernels_alive()
    {
        var id = await Platform.StartReadyNotebookAsync(idleTimeoutMinutes: 1);
        var jupyter = new JupyterThroughProxy(Platform, id);

        var until = DateTimeOffset.UtcNow + Minute * 3;
        while (DateTimeOffset.UtcNow < until)
        {
            await jupyter.ContentsAsync();
            await Task.Delay(Minute / 4);
        }

        Assert.Equal("Ready", (await Platform.GetNotebookAsync(id)).GetProperty("state").GetString());
        var culled = await Platform.WaitForNotebookAsync(id, "Culled", Minute * 10);
        Assert.True(culled.GetProperty("lastActivity").GetDateTimeOffset() > until - Minute,
            $"lastActivity {culled.GetProperty("lastActivity")} should be the last request, near {until:O}");
    }
}
