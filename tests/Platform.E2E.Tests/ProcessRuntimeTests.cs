using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

/// <summary>A node that enables the process runtime runs tasks as host processes with the same environment.</summary>
[Trait("Category", "Docker")]
public sealed class ProcessRuntimeTests(ProcessRuntimeFixture fixture) : IClassFixture<ProcessRuntimeFixture>
{
    [Fact]
    public async Task Process_job_runs_on_the_host_with_the_task_environment_and_its_output_stored()
    {
        var platform = fixture.Platform;
        var id = JobJson.Id(await platform.SubmitAsync("""
            name: on-the-host
            runtime: process
            command: ["sh", "-c", "echo \"$PLATFORM_TASK_NAME of $WORLD_SIZE on $PLATFORM_TASK_PORT\"; echo oops >&2"]
            replicas:
              worker: { count: 2, resources: { cpus: 0.1, memoryMb: 64 } }
            successPolicy: AllWorkers
            """));

        var job = await platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));

        var lines = await platform.LogsAsync(id);
        foreach (var task in job.GetProperty("tasks").EnumerateArray())
        {
            var name = task.GetProperty("name").GetString();
            Assert.Contains(lines, line => line.GetProperty("text").GetString() == $"{name} of 2 on {task.GetProperty("port").GetInt32()}"
                && line.GetProperty("stream").GetString() == "stdout");
            Assert.Contains(lines, line => line.GetProperty("task").GetString() == name && line.GetProperty("stream").GetString() == "stderr");
        }
    }
}
