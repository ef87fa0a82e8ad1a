using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>A platform killed with SIGKILL and started again keeps its notebooks: state, token, kernels and culling.</summary>
[Trait("Category", "Docker")]
public sealed class NotebookRestartTests(NotebookRestartTests.FiveSecondMinute fixture) : IClassFixture<NotebookRestartTests.FiveSecondMinute>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Ready_notebook_survives_a_platform_crash_with_its_kernel_and_is_still_culled_when_idle()
    {
        var id = await Platform.StartReadyNotebookAsync(gpus: 1, idleTimeoutMinutes: 6);
        var jupyter = new JupyterThroughProxy(Platform, id);
        var kernel = await jupyter.StartKernelAsync();
        await using (var socket = await jupyter.ConnectAsync(kernel))
        {
            Assert.Equal("41", await socket.ExecuteAsync("x = 41; x", TimeSpan.FromSeconds(60)));
        }

        var container = Assert.Single(await DockerEngine.ContainersAsync("platform.job", id)).ID;
        await Platform.KillAsync();
        await Platform.StartAsync();

        var after = await Platform.GetNotebookAsync(id);
        Assert.Equal("Ready", after.GetProperty("state").GetString());
        Assert.Equal($"/notebooks/{id}/", after.GetProperty("url").GetString());
        await using (var socket = await jupyter.ConnectAsync(kernel))
        {
            Assert.Equal("42", await socket.ExecuteAsync("x + 1", TimeSpan.FromSeconds(60)));
        }

        Assert.Equal(container, Assert.Single(await DockerEngine.ContainersAsync("platform.job", id)).ID);
        var culled = await Platform.WaitForNotebookAsync(id, "Culled", TimeSpan.FromMinutes(3));
        Assert.Equal("idle for 6 minutes", culled.GetProperty("reason").GetString());
        await Eventually.HoldsAsync(async () => Assert.Empty(await Platform.GpusHeldByAsync(id)), TimeSpan.FromSeconds(30), "the GPU freed");
    }

    /// <summary>Minutes of five seconds: the six-minute timeout outlasts the restart, and the cull comes within the test.</summary>
    public sealed class FiveSecondMinute : NotebookFixture
    {
        public override double MinuteSeconds => 5;
    }
}
