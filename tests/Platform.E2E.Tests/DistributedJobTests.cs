using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

[Trait("Category", "Docker")]
public sealed class DistributedJobTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Sample_job_runs_every_task_in_its_own_container_with_the_cluster_spec()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(Samples.HelloPsJob));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(2));

        var tasks = job.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(["chief-0", "ps-0", "ps-1", "worker-0", "worker-1", "worker-2"], tasks.Select(t => t.GetProperty("name").GetString()));
        Assert.All(tasks, task => Assert.Equal(Platform.NodeId, task.GetProperty("node").GetString()));
        var workerGpus = tasks.Where(t => t.GetProperty("type").GetString() == "worker")
            .Select(t => Assert.Single(t.GetProperty("gpus").EnumerateArray()).GetString()).ToList();
        Assert.Equal(3, workerGpus.Distinct().Count());
        Assert.Equal(6, tasks.Select(t => t.GetProperty("port").GetInt32()).Distinct().Count());
        Assert.Equal(6, tasks.Select(t => t.GetProperty("containerId").GetString()).Distinct().Count());
        Assert.Equal("Succeeded", JobJson.Task(job, "chief-0").GetProperty("state").GetString());

        // The agent removes a container only after its last line is stored: from then on the logs are whole.
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(60));
        var lines = await Platform.LogsAsync(id);
        Assert.All(tasks, task => Assert.Contains(lines, line => line.GetProperty("task").GetString() == task.GetProperty("name").GetString()));
        Assert.Contains(lines, line => line.GetProperty("text").GetString() == "chief-0: every ps has seen 3 workers");
        Assert.True(lines.Count == lines.Select(line => (line.GetProperty("task").GetString(), line.GetProperty("text").GetString())).Distinct().Count(),
            "a line was stored twice:\n" + await Platform.LogsTextAsync(id) + "\n" + string.Join("\n", (await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events")).EnumerateArray()));
        AssertEnvironment(id, tasks, lines);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(line => line.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public async Task Failing_task_fails_the_job_under_Never_with_a_reason_naming_task_and_code()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: exits-three
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "echo about to fail; exit 3"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: Never
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", TimeSpan.FromMinutes(1));

        var reason = job.GetProperty("reason").GetString()!;
        Assert.Contains("worker-0", reason);
        Assert.Contains("code 3", reason);
        Assert.Equal(3, JobJson.Task(job, "worker-0").GetProperty("exitCode").GetInt32());
        Assert.Equal(0, job.GetProperty("restarts").GetInt32());
        Assert.Contains(await Platform.LogsAsync(id), line => line.GetProperty("text").GetString() == "about to fail");
    }

    [Fact]
    public async Task Failed_task_is_restarted_under_OnFailure_and_the_job_succeeds_when_the_retry_exits_0()
    {
        await using var script = new ScriptServer("exit 1", "exit 0");
        var id = JobJson.Id(await Platform.SubmitAsync($$"""
            name: fails-once
            image: platform/hello-ps:1.0
            command: ["bash", "-c", "{{script.ReadAndRun}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: OnFailure
            backoffLimit: 2
            """));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(1));

        Assert.Equal(1, job.GetProperty("restarts").GetInt32());
        var worker = JobJson.Task(job, "worker-0");
        Assert.Equal(1, worker.GetProperty("restarts").GetInt32());
        Assert.Equal(0, worker.GetProperty("exitCode").GetInt32());
        var texts = (await Platform.LogsAsync(id)).Select(line => line.GetProperty("text").GetString()).ToList();
        Assert.Equal(["script says: exit 1", "script says: exit 0"], texts);
        var events = await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "Restarting");
    }

    [Fact]
    public async Task Containers_run_unprivileged_on_the_host_network_with_the_spec_limits_until_cancelled()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: long-runner
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "300" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.5, memoryMb: 192, gpus: 1 } }
            terminationGracePeriodSeconds: 5
            """));
        await Platform.WaitForStateAsync(id, "Running", TimeSpan.FromMinutes(1));
        string containerId = "";
        await Eventually.HoldsAsync(async () =>
        {
            var worker = JobJson.Task(await Platform.GetJobAsync(id), "worker-0");
            Assert.Equal("Running", worker.GetProperty("state").GetString());
            containerId = worker.GetProperty("containerId").GetString()!;
        }, TimeSpan.FromSeconds(30), "worker-0 to run");

        var container = await DockerEngine.Client.Containers.InspectContainerAsync(containerId);
        Assert.NotNull(container.HostConfig);
        Assert.NotNull(container.Config);
        Assert.Equal("host", container.HostConfig.NetworkMode);
        Assert.False(container.HostConfig.Privileged);
        Assert.Contains("ALL", container.HostConfig.CapDrop);
        Assert.Contains("no-new-privileges", container.HostConfig.SecurityOpt);
        Assert.Equal(500_000_000, container.HostConfig.NanoCPUs);
        Assert.Equal(192L * 1024 * 1024, container.HostConfig.Memory);
        Assert.True(container.HostConfig.DeviceRequests is null || container.HostConfig.DeviceRequests.Count == 0, "fake GPUs get no device request");
        Assert.Empty(container.Mounts);
        Assert.Equal(id, container.Config.Labels["platform.job"]);
        Assert.Equal("worker-0", container.Config.Labels["platform.task"]);
        Assert.Equal(Platform.NodeId, container.Config.Labels["platform.node"]);
        Assert.Contains(container.Config.Env, variable => variable.StartsWith("NVIDIA_VISIBLE_DEVICES=", StringComparison.Ordinal) && variable != "NVIDIA_VISIBLE_DEVICES=void");

        var cancel = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, cancel.StatusCode);
        var job = await Platform.WaitForStateAsync(id, "Cancelled", TimeSpan.FromSeconds(30));
        Assert.Equal("Killed", JobJson.Task(job, "worker-0").GetProperty("state").GetString());
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
        var again = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Job_past_its_deadline_fails_with_DeadlineExceeded_and_its_tasks_are_stopped()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: overruns
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "300" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            activeDeadlineSeconds: 3
            terminationGracePeriodSeconds: 5
            """));

        var job = await Platform.WaitForStateAsync(id, "Failed", TimeSpan.FromSeconds(60));

        Assert.StartsWith("DeadlineExceeded", job.GetProperty("reason").GetString());
        Assert.Equal("Killed", JobJson.Task(job, "worker-0").GetProperty("state").GetString());
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Finished_job_keeps_its_containers_for_ttlSecondsAfterFinished_then_removes_them()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: keeps-containers
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "echo done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            ttlSecondsAfterFinished: 8
            """));

        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));

        var kept = Assert.Single(await DockerEngine.ContainersAsync("platform.job", id));
        Assert.Equal("exited", kept.State);
        await DockerEngine.WaitForNoContainersAsync(id, TimeSpan.FromSeconds(40));
        Assert.Contains(await Platform.LogsAsync(id), line => line.GetProperty("text").GetString() == "done");
    }

    private static void AssertEnvironment(string id, List<JsonElement> tasks, List<JsonElement> lines)
    {
        string Address(JsonElement task) => $"{task.GetProperty("host").GetString()}:{task.GetProperty("port").GetInt32()}";
        string Addresses(string type) => string.Join(',', tasks.Where(t => t.GetProperty("type").GetString() == type).Select(t => $"\"{Address(t)}\""));
        var cluster = $$"""{"chief":[{{Addresses("chief")}}],"ps":[{{Addresses("ps")}}],"worker":[{{Addresses("worker")}}]}""";
        var chief = tasks.Single(task => task.GetProperty("name").GetString() == "chief-0");

        foreach (var task in tasks)
        {
            var name = task.GetProperty("name").GetString()!;
            var type = task.GetProperty("type").GetString()!;
            var index = task.GetProperty("index").GetInt32();
            var env = TaskEnvironmentLog.Of(lines, name);
            Assert.Equal($$"""{"cluster":{{cluster}},"task":{"type":"{{type}}","index":{{index}}},"environment":"cloud"}""", env["TF_CONFIG"]);
            Assert.Equal(id, env["PLATFORM_JOB_ID"]);
            Assert.Equal("hello-ps", env["PLATFORM_JOB_NAME"]);
            Assert.Equal(name, env["PLATFORM_TASK_NAME"]);
            Assert.Equal(type, env["PLATFORM_TASK_TYPE"]);
            Assert.Equal(index.ToString(), env["PLATFORM_TASK_INDEX"]);
            Assert.Equal(task.GetProperty("port").GetInt32().ToString(), env["PLATFORM_TASK_PORT"]);
            Assert.Equal(chief.GetProperty("host").GetString(), env["MASTER_ADDR"]);
            Assert.Equal(chief.GetProperty("port").GetInt32().ToString(), env["MASTER_PORT"]);
            var gpus = task.GetProperty("gpus").EnumerateArray().Select(g => g.GetString()).ToList();
            Assert.Equal(gpus.Count == 0 ? "void" : string.Join(',', gpus), env["NVIDIA_VISIBLE_DEVICES"]);
            if (type == "ps")
            {
                Assert.False(env.ContainsKey("RANK"));
                Assert.False(env.ContainsKey("WORLD_SIZE"));
            }
            else
            {
                Assert.Equal("4", env["WORLD_SIZE"]);
                Assert.Equal((type == "chief" ? 0 : index + 1).ToString(), env["RANK"]);
            }
        }
    }
}
