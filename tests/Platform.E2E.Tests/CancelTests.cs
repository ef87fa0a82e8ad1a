using System.Diagnostics;
using System.Net;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Cancel stops a job's tasks with SIGTERM, waits the grace period, then kills: a task that
/// handles SIGTERM gets to checkpoint, one that ignores it is killed once the grace has passed.
/// </summary>
[Trait("Category", "Docker")]
public sealed class CancelTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Cancel_sends_SIGTERM_and_a_task_that_traps_it_writes_and_prints_its_checkpoint()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: checkpoints
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "trap 'echo checkpoint > /tmp/ckpt; cat /tmp/ckpt; exit 0' TERM; echo ready; while true; do sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 20
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);

        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var job = await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
        Assert.Equal("Cancelled by admin", OptionalString(job, "reason"));
        var worker = Task(job, "worker-0");
        Assert.Equal("Killed", worker.GetProperty("state").GetString());
        Assert.Equal("Cancelled", OptionalString(worker, "reason"));
        // The agent removes the container only after its last line is stored.
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);
        Assert.Equal(["ready", "checkpoint"], await Platform.TextsAsync(id, "worker-0"));
        var events = await Platform.EventsAsync(id);
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "Cancelled" && e.GetProperty("by").GetString() == "admin");
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "Queued" && e.GetProperty("by").GetString() == "admin");
    }

    [Fact]
    public async Task Cancel_kills_a_task_that_ignores_SIGTERM_once_its_grace_period_has_passed()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: ignores-sigterm
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 2
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;

        var clock = Stopwatch.StartNew();
        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        while ((await DockerEngine.ContainersAsync("platform.job", id)).Count > 0)
        {
            Assert.True(clock.Elapsed < Timeout, $"the container of worker-0 was still there {clock.Elapsed.TotalSeconds:F1} s after cancel");
            await System.Threading.Tasks.Task.Delay(100);
        }

        var removedAfter = clock.Elapsed;
        Assert.True(removedAfter >= TimeSpan.FromSeconds(1.5),
            $"the container that ignores SIGTERM was removed {removedAfter.TotalSeconds:F2} s after cancel, before its 2 s grace period");
        var job = await Platform.GetJobAsync(id);
        Assert.Equal("Cancelled", job.GetProperty("state").GetString());
        var worker = Task(job, "worker-0");
        Assert.Equal("Killed", worker.GetProperty("state").GetString());
        Assert.Equal(containerId, OptionalString(worker, "containerId"));
        Assert.Equal(["ready"], await Platform.TextsAsync(id, "worker-0"));
    }

    [Fact]
    public async Task Cancel_of_a_job_that_keeps_its_containers_kills_a_task_that_ignores_SIGTERM_after_its_grace_period()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: ignores-sigterm-kept
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 2
            ttlSecondsAfterFinished: 60
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "ready", Timeout);
        var containerId = (await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", Timeout)).GetProperty("containerId").GetString()!;

        var clock = Stopwatch.StartNew();
        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        while ((await DockerEngine.Client.Containers.InspectContainerAsync(containerId)).State is { Running: true })
        {
            Assert.True(clock.Elapsed < Timeout, $"the container of worker-0 still ran {clock.Elapsed.TotalSeconds:F1} s after cancel");
            await System.Threading.Tasks.Task.Delay(100);
        }

        var stoppedAfter = clock.Elapsed;
        Assert.True(stoppedAfter >= TimeSpan.FromSeconds(1.5),
            $"the container that ignores SIGTERM stopped {stoppedAfter.TotalSeconds:F2} s after cancel, before its 2 s grace period");
        var container = await DockerEngine.Client.Containers.InspectContainerAsync(containerId);
        Assert.NotNull(container.State);
        Assert.Equal(137, container.State.ExitCode);
        Assert.False(container.State.OOMKilled);
        var job = await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
        Assert.Equal("Killed", Task(job, "worker-0").GetProperty("state").GetString());
        Assert.Single(await DockerEngine.ContainersAsync("platform.job", id));
    }
}
