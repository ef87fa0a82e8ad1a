using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// The success policies: which task's success ends the job, and what happens to the tasks still
/// running then. Tasks that must not finish first wait at a <see cref="ScriptServer"/> gate the test
/// opens, so the order of exits is the test's, not the scheduler's.
/// </summary>
[Trait("Category", "Docker")]
public sealed class SuccessPolicyTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    /// <summary>Runs until stopped; leaves at once on SIGTERM so a stop takes no grace period.</summary>
    private const string RunsUntilStopped = "trap 'exit 143' TERM; echo ready; while true; do sleep 0.1; done";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Default_with_a_chief_succeeds_when_chief_0_succeeds_and_kills_the_worker_still_running()
    {
        await using var chiefGate = new ScriptServer();
        var id = Id(await Platform.SubmitAsync($$"""
            name: chief-decides
            image: platform/hello-ps:1.0
            replicas:
              chief:
                count: 1
                resources: { cpus: 0.25, memoryMb: 128 }
                command: ["bash", "-c", "{{chiefGate.ReadAndRun}}"]
              worker:
                count: 1
                resources: { cpus: 0.25, memoryMb: 128 }
                command: ["bash", "-c", "{{RunsUntilStopped}}"]
            successPolicy: Default
            terminationGracePeriodSeconds: 10
            """));
        var workerContainer = await RunningWithGateAsync(id, "worker-0", chiefGate, "chief-0");

        chiefGate.Add("exit 0");
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        Assert.Equal(0, job.GetProperty("restarts").GetInt32());
        var chief = Task(job, "chief-0");
        Assert.Equal("Succeeded", chief.GetProperty("state").GetString());
        Assert.Equal(0, chief.GetProperty("exitCode").GetInt32());
        var worker = Task(job, "worker-0");
        Assert.Equal("Killed", worker.GetProperty("state").GetString());
        Assert.Equal("Job Succeeded", OptionalString(worker, "reason"));
        Assert.Null(OptionalInt(worker, "exitCode"));
        Assert.Equal(workerContainer, OptionalString(worker, "containerId"));
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal("Succeeded", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task Default_without_a_chief_succeeds_when_worker_0_succeeds_and_kills_worker_1()
    {
        await using var gate = new ScriptServer();
        var id = Id(await Platform.SubmitAsync($$"""
            name: worker-zero-decides
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "if [ $PLATFORM_TASK_INDEX = 0 ]; then {{gate.ReadAndRun}}; else {{RunsUntilStopped}}; fi"]
            replicas:
              worker: { count: 2, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 10
            """));
        var workerOneContainer = await RunningWithGateAsync(id, "worker-1", gate, "worker-0");

        gate.Add("exit 0");
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var workerZero = Task(job, "worker-0");
        Assert.Equal("Succeeded", workerZero.GetProperty("state").GetString());
        Assert.Equal(0, workerZero.GetProperty("exitCode").GetInt32());
        var workerOne = Task(job, "worker-1");
        Assert.Equal("Killed", workerOne.GetProperty("state").GetString());
        Assert.Equal("Job Succeeded", OptionalString(workerOne, "reason"));
        Assert.Equal(workerOneContainer, OptionalString(workerOne, "containerId"));
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AllWorkers_stays_Running_after_worker_0_succeeds_until_worker_1_succeeds_too()
    {
        await using var gate = new ScriptServer();
        var id = Id(await Platform.SubmitAsync($$"""
            name: every-worker
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "if [ $PLATFORM_TASK_INDEX = 0 ]; then echo first done; exit 0; else {{gate.ReadAndRun}}; fi"]
            replicas:
              worker: { count: 2, resources: { cpus: 0.25, memoryMb: 128 } }
            successPolicy: AllWorkers
            """));
        await Platform.WaitForTaskStateAsync(id, "worker-0", "Succeeded", Timeout);
        await Eventually.HoldsAsync(() =>
        {
            Assert.Equal(1, gate.Connections);
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "worker-1 to wait at the gate");

        // worker-0's success is recorded; for a while longer the job must not end.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (DateTime.UtcNow < until)
        {
            var running = await Platform.GetJobAsync(id);
            Assert.Equal("Running", running.GetProperty("state").GetString());
            Assert.Equal("Succeeded", Task(running, "worker-0").GetProperty("state").GetString());
            Assert.Equal("Running", Task(running, "worker-1").GetProperty("state").GetString());
            await System.Threading.Tasks.Task.Delay(250);
        }

        gate.Add("exit 0");
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var workerZero = Task(job, "worker-0");
        var workerOne = Task(job, "worker-1");
        Assert.All([workerZero, workerOne], worker =>
        {
            Assert.Equal("Succeeded", worker.GetProperty("state").GetString());
            Assert.Equal(0, worker.GetProperty("exitCode").GetInt32());
        });
        Assert.True(workerOne.GetProperty("finishedAt").GetDateTimeOffset() > workerZero.GetProperty("finishedAt").GetDateTimeOffset());
        Assert.True(job.GetProperty("finishedAt").GetDateTimeOffset() >= workerOne.GetProperty("finishedAt").GetDateTimeOffset());
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(["script says: exit 0"], await Platform.TextsAsync(id, "worker-1"));
    }

    /// <summary>
    /// Waits until <paramref name="runner"/> runs and printed <c>ready</c> and <paramref name="gated"/>
    /// runs and waits at the gate; returns the runner's container id.
    /// </summary>
    private async Task<string> RunningWithGateAsync(string id, string runner, ScriptServer gate, string gated)
    {
        await Platform.WaitForLineAsync(id, runner, "ready", Timeout);
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await Platform.GetJobAsync(id);
            Assert.Equal("Running", job.GetProperty("state").GetString());
            Assert.Equal("Running", Task(job, runner).GetProperty("state").GetString());
            Assert.Equal("Running", Task(job, gated).GetProperty("state").GetString());
            Assert.Equal(1, gate.Connections);
        }, Timeout, $"{runner} and {gated} to run, {gated} at the gate");
        var container = Task(job, runner).GetProperty("containerId").GetString()!;
        var inspected = await DockerEngine.Client.Containers.InspectContainerAsync(container);
        Assert.NotNull(inspected.State);
        Assert.True(inspected.State.Running, $"{runner}'s container {container} is not running");
        return container;
    }
}
