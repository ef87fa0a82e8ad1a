using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

/// <summary>Several agent processes with 2, 4 and 8 fake GPUs joined to one control plane.</summary>
[Trait("Category", "Docker")]
[Collection(AloneCollection.Name)]
public sealed class MultiNodeTests(ThreeNodeFixture cluster) : IClassFixture<ThreeNodeFixture>
{
    private PlatformProcess Platform => cluster.Platform;

    [Fact]
    public async Task Eight_gpu_job_lands_on_the_eight_gpu_node()
    {
        var id = await SubmitAsync(ProcessJob("eight", workers: 1, gpus: 8, seconds: 0.2));

        var job = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));

        var worker = Assert.Single(Tasks(job));
        Assert.Equal(cluster.Large.NodeId, worker.GetProperty("node").GetString());
        Assert.Equal(8, worker.GetProperty("gpus").GetArrayLength());
    }

    [Fact]
    public async Task Six_and_four_gpu_jobs_at_the_same_time_never_share_a_gpu()
    {
        var ids = await Task.WhenAll(
            SubmitAsync(ProcessJob("six", workers: 3, gpus: 2, seconds: 3)),
            SubmitAsync(ProcessJob("four", workers: 2, gpus: 2, seconds: 3)));

        var held = new List<(string Node, string Gpu)>();
        foreach (var id in ids)
        {
            var job = await Platform.WaitForStateAsync(id, "Running", TimeSpan.FromSeconds(60));
            held.AddRange(Tasks(job).SelectMany(task => task.GetProperty("gpus").EnumerateArray()
                .Select(gpu => (task.GetProperty("node").GetString()!, gpu.GetString()!))));
        }

        Assert.Equal(10, held.Count);
        Assert.Equal(10, held.Distinct().Count());
        foreach (var id in ids)
        {
            await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task Two_hundred_random_jobs_submitted_at_once_never_hold_a_gpu_twice()
    {
        var random = new Random(20261125);
        var jobs = Enumerable.Range(0, 200)
            .Select(i => (Name: $"random-{i}", Workers: random.Next(1, 4), Gpus: random.Next(0, 3)))
            .ToList();
        var ids = await Task.WhenAll(jobs.Select(job => SubmitAsync(ProcessJob(job.Name, job.Workers, job.Gpus, seconds: 0.3))));
        var gpusOf = jobs.Zip(ids).ToDictionary(pair => pair.Second, pair => pair.First.Gpus);

        var snapshots = 0;
        await Eventually.HoldsAsync(async () =>
        {
            // Every step: no task holds more GPUs than it asked for, and only tasks of these jobs hold any.
            var nodes = await Platform.Http.GetFromJsonAsync<JsonElement>("api/nodes");
            var holders = nodes.EnumerateArray().SelectMany(node => node.GetProperty("gpus").EnumerateArray())
                .Select(gpu => gpu.GetProperty("holder")).Where(holder => holder.ValueKind != JsonValueKind.Null)
                .GroupBy(holder => (holder.GetProperty("jobId").GetString()!, holder.GetProperty("task").GetString()!));
            foreach (var holder in holders)
            {
                Assert.True(gpusOf.TryGetValue(holder.Key.Item1, out var asked), $"GPU held by unknown job {holder.Key}");
                Assert.True(holder.Count() <= asked, $"{holder.Key} holds {holder.Count()} GPUs, asked for {asked}");
            }

            snapshots++;
            var jobs = await Task.WhenAll(ids.Select(Platform.GetJobAsync));
            if (jobs.FirstOrDefault(job => job.GetProperty("state").GetString() == "Failed") is { ValueKind: JsonValueKind.Object } failed)
            {
                throw new GaveUpException($"A job failed: {failed}\n{await Platform.LogsTextAsync(JobJson.Id(failed))}");
            }

            Assert.All(jobs, job => Assert.Equal("Succeeded", job.GetProperty("state").GetString()));
        }, TimeSpan.FromMinutes(4), "all 200 jobs to succeed");

        // Each task took its GPUs with an atomic mkdir on the host and failed if one was taken: all succeeded.
        Assert.True(snapshots > 1);
        await Eventually.HoldsAsync(async () =>
        {
            var nodes = await Platform.Http.GetFromJsonAsync<JsonElement>("api/nodes");
            Assert.All(nodes.EnumerateArray().SelectMany(node => node.GetProperty("gpus").EnumerateArray()),
                gpu => Assert.Equal(JsonValueKind.Null, gpu.GetProperty("holder").ValueKind));
        }, TimeSpan.FromSeconds(30), "every GPU to be free");
    }

    [Fact]
    public async Task Killed_agent_loses_its_node_and_the_job_runs_again_on_another_node()
    {
        var id = await SubmitAsync("""
            name: moves-on
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "30" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            restartPolicy: OnFailure
            terminationGracePeriodSeconds: 2
            """);
        var first = await RunningTaskAsync(id, attempt: 0);
        var lostNode = cluster.Workers.Single(worker => worker.NodeId == first.GetProperty("node").GetString());
        var firstContainer = first.GetProperty("containerId").GetString()!;

        await lostNode.KillAsync();

        var moved = await RunningTaskAsync(id, attempt: 1, timeout: TimeSpan.FromSeconds(2 * ThreeNodeFixture.LostAfterSeconds + 30));
        Assert.NotEqual(lostNode.NodeId, moved.GetProperty("node").GetString());
        Assert.Equal("Lost", (await Platform.NodeAsync(lostNode.NodeId))?.GetProperty("state").GetString());
        var job = await Platform.GetJobAsync(id);
        Assert.Equal((0, 1), (job.GetProperty("restarts").GetInt32(), job.GetProperty("infrastructureRestarts").GetInt32()));
        var events = await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/events");
        Assert.Contains(events.EnumerateArray(), e => e.GetProperty("type").GetString() == "Lost" && e.GetProperty("reason").GetString() == "NodeLost");

        // The lost node comes back with the old container still running: its agent stops it, once.
        Assert.Contains(await DockerEngine.ContainersAsync("platform.job", id), c => c.ID == firstContainer && c.State == "running");
        await lostNode.StartAsync();
        await Eventually.HoldsAsync(async () => Assert.DoesNotContain(await DockerEngine.ContainersAsync("platform.job", id), c => c.ID == firstContainer),
            TimeSpan.FromSeconds(30), "the replaced container to be stopped and removed");

        var done = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(90));
        Assert.Equal(moved.GetProperty("containerId").GetString(), JobJson.Task(done, "worker-0").GetProperty("containerId").GetString());
    }

    [Fact]
    public async Task A_job_placed_again_after_a_node_loss_and_then_cancelled_stops_its_containers_and_frees_its_gpus()
    {
        var id = await SubmitAsync("""
            name: moved-then-cancelled
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "300" }
            replicas:
              worker: { count: 2, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            restartPolicy: OnFailure
            terminationGracePeriodSeconds: 3
            """);
        var first = await RunningTaskAsync(id, attempt: 0);
        var lostNode = cluster.Workers.Single(worker => worker.NodeId == first.GetProperty("node").GetString());
        await lostNode.KillAsync();
        try
        {
            await RunningTaskAsync(id, attempt: 1, timeout: TimeSpan.FromSeconds(2 * ThreeNodeFixture.LostAfterSeconds + 30));
            var moved = new List<string>();
            await Eventually.HoldsAsync(async () =>
            {
                var tasks = Tasks(await Platform.GetJobAsync(id)).ToList();
                Assert.All(tasks, task => Assert.Equal("Running", task.GetProperty("state").GetString()));
                moved = [.. tasks.Select(task => task.GetProperty("containerId").GetString()!)];
            }, TimeSpan.FromSeconds(30), "both moved tasks to run");

            Assert.Equal(HttpStatusCode.Accepted, (await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null)).StatusCode);

            await Platform.WaitForStateAsync(id, "Cancelled", TimeSpan.FromSeconds(30));
            await Eventually.HoldsAsync(async () =>
            {
                var running = (await DockerEngine.ContainersAsync("platform.job", id)).Where(c => moved.Contains(c.ID) && c.State == "running");
                Assert.Empty(running);
                var nodes = await Platform.Http.GetFromJsonAsync<JsonElement>("api/nodes");
                Assert.DoesNotContain(nodes.EnumerateArray().SelectMany(node => node.GetProperty("gpus").EnumerateArray()),
                    gpu => gpu.GetProperty("holder").ValueKind != JsonValueKind.Null && gpu.GetProperty("holder").GetProperty("jobId").GetString() == id);
            }, TimeSpan.FromSeconds(30), "the moved containers to stop and their GPUs to be freed");
        }
        finally
        {
            // The node comes back and its agent stops the containers it ran before it was lost.
            await lostNode.StartAsync();
        }
    }

    [Fact]
    public async Task Agent_killed_and_started_again_within_the_grace_period_keeps_its_tasks()
    {
        var id = await SubmitAsync("""
            name: keeps-running
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "10" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
            restartPolicy: OnFailure
            """);
        var running = await RunningTaskAsync(id, attempt: 0);
        var agent = cluster.Workers.Single(worker => worker.NodeId == running.GetProperty("node").GetString());

        await agent.KillAsync();
        await agent.StartAsync();

        var job = await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));
        Assert.Equal((0, 0), (job.GetProperty("restarts").GetInt32(), job.GetProperty("infrastructureRestarts").GetInt32()));
        var worker = JobJson.Task(job, "worker-0");
        Assert.Equal(running.GetProperty("containerId").GetString(), worker.GetProperty("containerId").GetString());
        Assert.Equal(0, worker.GetProperty("restarts").GetInt32());
    }

    private static IEnumerable<JsonElement> Tasks(JsonElement job) => job.GetProperty("tasks").EnumerateArray();

    private async Task<string> SubmitAsync(string spec) => JobJson.Id(await Platform.SubmitAsync(spec));

    private Task<JsonElement> RunningTaskAsync(string id, int attempt, TimeSpan? timeout = null) =>
        Platform.Http.RunningWorkerAsync(id, attempt, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>
    /// A host-process job whose every worker claims its GPUs with an atomic mkdir on the host (per
    /// node: host processes get none of the agent's environment, so the node is told apart by its
    /// task port block, <see cref="TestPorts.BlockSize"/> ports each) and fails if one is already claimed.
    /// </summary>
    private static string ProcessJob(string name, int workers, int gpus, double seconds) => $$"""
        name: {{name}}
        runtime: process
        command:
          - sh
          - -c
          - |
            node=$((PLATFORM_TASK_PORT / {{TestPorts.BlockSize}})); d=/tmp/platform-e2e-gpu-locks/$node; mkdir -p "$d"
            held=""
            for g in $(echo "$NVIDIA_VISIBLE_DEVICES" | tr , ' '); do
              [ "$g" = void ] && continue
              mkdir "$d/$g" 2>/dev/null || { echo "GPU $g of node block $node is already held"; exit 1; }
              held="$held $g"
            done
            sleep {{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}}
            for g in $held; do rmdir "$d/$g"; done
        replicas:
          worker: { count: {{workers}}, resources: { cpus: 0.1, memoryMb: 64, gpus: {{gpus}} } }
        successPolicy: AllWorkers
        """;
}
