using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

[Trait("Category", "Docker")]
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly PlatformProcess _platform = new(fakeGpus: 4);

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await _platform.StartAsync();
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();

    [Fact]
    public async Task Platform_killed_while_a_job_runs_adopts_its_containers_after_restart_and_finishes_the_job()
    {
        var id = JobJson.Id(await _platform.SubmitAsync("""
            name: survives-crash
            image: platform/hello-ps:1.0
            replicas:
              chief: { count: 1, resources: { cpus: 0.25, memoryMb: 128 }, env: { HELLO_SLEEP_SECONDS: "12" } }
              ps: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
              worker: { count: 2, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            """));
        Dictionary<string, string> before = [];
        await Eventually.HoldsAsync(async () =>
        {
            var job = await _platform.GetJobAsync(id);
            before = RunningContainers(job);
            Assert.Contains("chief-0", before.Keys);
            Assert.Contains("ps-0", before.Keys);
            Assert.Contains(await _platform.LogsAsync(id, "chief-0"), line => line.GetProperty("text").GetString() == "tick 1");
        }, TimeSpan.FromSeconds(60), "chief-0 and ps-0 to run");

        await _platform.KillAsync();
        var afterCrash = await DockerEngine.ContainersAsync("platform.job", id);
        Assert.Contains(afterCrash, container => container.ID == before["chief-0"] && container.State == "running");
        await _platform.StartAsync();

        var finished = await _platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(1));

        var tasks = finished.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal(before["chief-0"], tasks["chief-0"].GetProperty("containerId").GetString());
        Assert.Equal(before["ps-0"], tasks["ps-0"].GetProperty("containerId").GetString());
        Assert.All(tasks.Values, task => Assert.Equal(0, task.GetProperty("restarts").GetInt32()));
        Assert.Equal(0, finished.GetProperty("restarts").GetInt32());
        var events = (await _platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events")).EnumerateArray().ToList();
        Assert.Single(events, e => e.GetProperty("type").GetString() == "Started" && e.GetProperty("task").GetString() == "chief-0");

        // The adopted container's log carries on where it was: every tick once, in order.
        var ticks = (await _platform.LogsAsync(id, "chief-0")).Select(line => line.GetProperty("text").GetString())
            .Where(text => text!.StartsWith("tick ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"tick {i}"), ticks);
    }

    private static Dictionary<string, string> RunningContainers(JsonElement job) => job.GetProperty("tasks").EnumerateArray()
        .Where(task => task.GetProperty("state").GetString() == "Running")
        .ToDictionary(task => task.GetProperty("name").GetString()!, task => task.GetProperty("containerId").GetString()!);
}
