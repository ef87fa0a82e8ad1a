using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// The restart policies with real containers whose commands exit with chosen codes. (<c>Never</c>
/// and a single <c>OnFailure</c> retry are in <see cref="DistributedJobTests"/>.)
/// </summary>
[Trait("Category", "Docker")]
public sealed class RestartPolicyTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task OnFailure_fails_the_job_with_BackoffLimitExceeded_once_the_job_has_used_backoffLimit_restarts()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: always-fails
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "echo attempt of $PLATFORM_TASK_NAME; exit 1"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: OnFailure
            backoffLimit: 2
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", Timeout);

        var reason = job.GetProperty("reason").GetString()!;
        Assert.StartsWith("BackoffLimitExceeded", reason);
        Assert.Contains("worker-0 exited with code 1", reason);
        Assert.Contains("backoffLimit 2", reason);
        Assert.Equal(2, job.GetProperty("restarts").GetInt32());
        var worker = Task(job, "worker-0");
        Assert.Equal("Failed", worker.GetProperty("state").GetString());
        Assert.Equal(2, worker.GetProperty("restarts").GetInt32());
        Assert.Equal(1, worker.GetProperty("exitCode").GetInt32());

        // Three attempts, each in its own container, each with its output kept.
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(3, (await Platform.TextsAsync(id, "worker-0")).Count(text => text == "attempt of worker-0"));
        Assert.Equal(2, (await Platform.EventsAsync(id)).Count(e => e.GetProperty("type").GetString() == "Restarting"));
    }

    [Fact]
    public async Task Always_restarts_a_task_that_exits_0_until_the_chief_succeeds()
    {
        await using var chiefGate = new ScriptServer();
        var id = Id(await Platform.SubmitAsync($$"""
            name: always-restarts
            image: platform/hello-ps:1.0
            replicas:
              chief:
                count: 1
                resources: { cpus: 0.25, memoryMb: 128 }
                command: ["bash", "-c", "echo chief waits; {{chiefGate.ReadAndRun}}"]
              worker:
                count: 1
                resources: { cpus: 0.25, memoryMb: 128 }
                command: ["sh", "-c", "echo worker done; exit 0"]
            restartPolicy: Always
            backoffLimit: 100
            """));

        // The worker succeeds over and over; each success is restarted, while the chief waits.
        await Eventually.HoldsAsync(async () =>
        {
            var running = await Platform.GetJobAsync(id);
            Assert.NotEqual("Failed", running.GetProperty("state").GetString());
            Assert.True(Task(running, "worker-0").GetProperty("restarts").GetInt32() >= 2, $"worker-0 not restarted twice yet: {running}");
            Assert.Equal(1, chiefGate.Connections);
        }, Timeout, "worker-0 to be restarted twice while chief-0 waits");
        chiefGate.Add("exit 0");

        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var chief = Task(job, "chief-0");
        var worker = Task(job, "worker-0");
        Assert.Equal("Succeeded", chief.GetProperty("state").GetString());
        Assert.Equal(0, chief.GetProperty("exitCode").GetInt32());
        Assert.Equal(0, chief.GetProperty("restarts").GetInt32());
        var workerRestarts = worker.GetProperty("restarts").GetInt32();
        Assert.True(workerRestarts >= 2, $"worker-0 restarted {workerRestarts} times");
        Assert.Equal(workerRestarts, job.GetProperty("restarts").GetInt32());
        Assert.Null(OptionalString(job, "reason"));

        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        var exits = (await Platform.EventsAsync(id))
            .Where(e => e.GetProperty("type").GetString() == "Exited" && e.GetProperty("task").GetString() == "worker-0").ToList();
        Assert.True(exits.Count >= workerRestarts, $"{exits.Count} exits of worker-0 for {workerRestarts} restarts");
        Assert.All(exits, e => Assert.Equal("worker-0 exited with code 0", e.GetProperty("message").GetString()));
        Assert.True((await Platform.TextsAsync(id, "worker-0")).Count(text => text == "worker done") >= workerRestarts);
    }

    [Fact]
    public async Task ExitCode_retries_a_code_of_128_or_more_and_the_job_succeeds_when_the_retry_exits_0()
    {
        await using var script = new ScriptServer("exit 137", "exit 0");
        var id = Id(await Platform.SubmitAsync($$"""
            name: killed-once
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "{{script.ReadAndRun}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: ExitCode
            backoffLimit: 3
            """));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        Assert.Equal(1, job.GetProperty("restarts").GetInt32());
        var worker = Task(job, "worker-0");
        Assert.Equal("Succeeded", worker.GetProperty("state").GetString());
        Assert.Equal(1, worker.GetProperty("restarts").GetInt32());
        Assert.Equal(0, worker.GetProperty("exitCode").GetInt32());
        Assert.Equal(2, script.Answered);
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(["script says: exit 137", "script says: exit 0"], await Platform.TextsAsync(id, "worker-0"));
        var events = await Platform.EventsAsync(id);
        Assert.Contains(events, e => e.GetProperty("type").GetString() == "Exited" && e.GetProperty("message").GetString() == "worker-0 exited with code 137");
        Assert.Single(events, e => e.GetProperty("type").GetString() == "Restarting");
    }

    [Fact]
    public async Task ExitCode_fails_the_job_at_once_on_a_code_below_128_as_permanent()
    {
        await using var script = new ScriptServer("exit 3", "exit 0");
        var id = Id(await Platform.SubmitAsync($$"""
            name: permanent-failure
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "{{script.ReadAndRun}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: ExitCode
            backoffLimit: 3
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", Timeout);

        var reason = job.GetProperty("reason").GetString()!;
        Assert.Contains("worker-0 exited with code 3", reason);
        Assert.Contains("permanent", reason);
        Assert.DoesNotContain("BackoffLimitExceeded", reason);
        Assert.Equal(0, job.GetProperty("restarts").GetInt32());
        var worker = Task(job, "worker-0");
        Assert.Equal("Failed", worker.GetProperty("state").GetString());
        Assert.Equal(0, worker.GetProperty("restarts").GetInt32());
        Assert.Equal(3, worker.GetProperty("exitCode").GetInt32());
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        Assert.Equal(1, script.Answered);
        Assert.DoesNotContain(await Platform.EventsAsync(id), e => e.GetProperty("type").GetString() == "Restarting");
    }
}
