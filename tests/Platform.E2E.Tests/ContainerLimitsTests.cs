using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>The spec's memory limit is the container's, without swap: a task over it is OOM-killed and says so.</summary>
[Trait("Category", "Docker")]
public sealed class ContainerLimitsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Task_over_its_memory_limit_is_OOMKilled_and_fails_the_job_under_Never()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: eats-memory
            image: platform/hello-ps:1.0
            command: ["python3", "-c", "print('allocating', flush=True); b = bytearray(400 * 1024 * 1024); print(len(b))"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.5, memoryMb: 64 } }
            restartPolicy: Never
            ttlSecondsAfterFinished: 60
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", TimeSpan.FromSeconds(45));

        var worker = Task(job, "worker-0");
        var container = await DockerEngine.Client.Containers.InspectContainerAsync(worker.GetProperty("containerId").GetString()!);
        Assert.NotNull(container.State);
        Assert.NotNull(container.HostConfig);
        var engineSays = $"the engine says OOMKilled={container.State.OOMKilled}, ExitCode={container.State.ExitCode}; job: {job}";
        Assert.Equal(64L * 1024 * 1024, container.HostConfig.Memory);
        Assert.Equal(64L * 1024 * 1024, container.HostConfig.MemorySwap);
        Assert.True(container.State.OOMKilled, engineSays);
        Assert.Equal("Failed", worker.GetProperty("state").GetString());
        Assert.Equal(137, OptionalInt(worker, "exitCode"));
        Assert.True(OptionalString(worker, "reason") == "OOMKilled", engineSays);
        Assert.Equal(0, job.GetProperty("restarts").GetInt32());
        var reason = job.GetProperty("reason").GetString()!;
        Assert.Contains("worker-0", reason);
        Assert.Contains("code 137", reason);
        Assert.Contains("OOMKilled", reason);
        Assert.Contains(await Platform.EventsAsync(id), e => e.GetProperty("type").GetString() == "Exited" && OptionalString(e, "reason") == "OOMKilled");
        var texts = await Platform.TextsAsync(id, "worker-0");
        Assert.Contains("allocating", texts);
        Assert.DoesNotContain((400 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), texts);
    }
}
