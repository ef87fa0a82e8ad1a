using System.Text.Json;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Core.Jobs;

namespace Platform.Grains.Tests.Cluster;

public sealed class GangPlacementTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Gang_placement_puts_every_task_on_the_node_with_distinct_gpus()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Job("mnist",
            groups: [(ReplicaTypes.Ps, 1, 0), (ReplicaTypes.Worker, 2, 1)]));

        var job = await _jobs.GetAsync(id);
        Assert.Null(job.Reason);
        Assert.NotNull(job.StartedAt);
        Assert.Equal(["ps-0", "worker-0", "worker-1"], job.Tasks.Select(task => task.Name));
        Assert.All(job.Tasks, task => Assert.Equal(PlatformClusterFixture.NodeId, task.Node));
        Assert.All(job.Tasks, task => Assert.Equal(PlatformClusterFixture.Host, task.Host));
        Assert.All(job.Tasks, task => Assert.Equal(TaskState.Starting, task.State));
        Assert.Empty(job.Tasks[0].Gpus);
        var workerGpus = job.Tasks.Skip(1).Select(task => Assert.Single(task.Gpus)).ToList();
        Assert.Equal(workerGpus.Count, workerGpus.Distinct().Count());
        Assert.Equal(job.Tasks.Count, job.Tasks.Select(task => task.Port).Distinct().Count());
    }

    [Fact]
    public async Task Placed_tasks_become_the_nodes_desired_assignments_with_their_cluster_spec()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Job("mnist",
            groups: [(ReplicaTypes.Ps, 1, 0), (ReplicaTypes.Worker, 2, 1)]));
        var job = await _jobs.GetAsync(id);

        var desired = await _jobs.DesiredAsync(id);

        Assert.Equal(["ps-0", "worker-0", "worker-1"], desired.Select(assignment => assignment.Task));
        Assert.All(desired, assignment => Assert.Equal(0, assignment.Attempt));
        Assert.All(desired, assignment => Assert.Equal("platform/test:1", assignment.Image));
        Assert.All(desired, assignment => Assert.Equal(5, assignment.TerminationGracePeriodSeconds));
        var worker1 = desired[2];
        var view = job.Tasks.Single(task => task.Name == "worker-1");
        Assert.Equal(view.Port, worker1.Port);
        Assert.Equal(view.Gpus, worker1.GpuIndexes.Select(index => index.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(id, worker1.Env[PlatformEnv.JobId]);
        Assert.Equal("worker-1", worker1.Env[PlatformEnv.TaskName]);
        Assert.Equal(view.Port?.ToString(System.Globalization.CultureInfo.InvariantCulture), worker1.Env[PlatformEnv.TaskPort]);
        Assert.Equal(string.Join(',', view.Gpus), worker1.Env[PlatformEnv.NvidiaVisibleDevices]);
        Assert.Equal("void", desired[0].Env[PlatformEnv.NvidiaVisibleDevices]);

        using var tfConfig = JsonDocument.Parse(worker1.Env[PlatformEnv.TfConfig]);
        var clusterSpec = tfConfig.RootElement.GetProperty("cluster");
        Assert.Equal(
            job.Tasks.Where(task => task.Type == ReplicaTypes.Worker).Select(task => $"{task.Host}:{task.Port}"),
            clusterSpec.GetProperty("worker").EnumerateArray().Select(address => address.GetString()));
        Assert.Equal([$"{job.Tasks[0].Host}:{job.Tasks[0].Port}"],
            clusterSpec.GetProperty("ps").EnumerateArray().Select(address => address.GetString()));
        Assert.Equal("worker", tfConfig.RootElement.GetProperty("task").GetProperty("type").GetString());
        Assert.Equal(1, tfConfig.RootElement.GetProperty("task").GetProperty("index").GetInt32());
    }

    [Fact]
    public async Task Gpu_slots_show_which_task_of_which_job_holds_them()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("slots", count: 2, gpus: 1));
        var desired = await _jobs.DesiredAsync(id);

        foreach (var assignment in desired)
        {
            var holder = await _jobs.HolderAsync(Assert.Single(assignment.GpuIndexes));
            Assert.Equal((id, assignment.Task), (holder?.JobId, holder?.Task));
        }

        var node = await _jobs.Node.GetViewAsync();
        Assert.NotNull(node);
        Assert.Equal(PlatformClusterFixture.GpuCount, node.Gpus.Count);
        Assert.Equal(2, node.Gpus.Count(gpu => gpu.Holder?.JobId == id));
        Assert.All(node.Gpus, gpu => Assert.True(gpu.Fake));
        Assert.Contains(TaskKey.Of(id, "worker-0"), node.Tasks);
    }

    [Fact]
    public async Task Job_that_does_not_fit_waits_with_a_reason_naming_gpus()
    {
        var first = await _jobs.SubmitRunningAsync(Specs.Workers("big", count: 3, gpus: 1));

        var second = await _jobs.SubmitAsync(Specs.Workers("waiting", count: 2, gpus: 1));

        var job = await _jobs.GetAsync(second);
        Assert.Equal(JobState.Pending, job.State);
        Assert.NotNull(job.Reason);
        Assert.Contains("2 GPUs", job.Reason, StringComparison.Ordinal);
        Assert.Contains("1 free of 4", job.Reason, StringComparison.Ordinal);
        Assert.All(job.Tasks, task => Assert.Null(task.Node));
        Assert.All(job.Tasks, task => Assert.Equal(TaskState.Pending, task.State));
        Assert.Empty(await _jobs.DesiredAsync(second));
        Assert.Equal(3, (await _jobs.Node.GetViewAsync())!.Gpus.Count(gpu => gpu.Holder?.JobId == first));
        Assert.DoesNotContain((await _jobs.Node.GetViewAsync())!.Gpus, gpu => gpu.Holder?.JobId == second);
    }

    [Fact]
    public async Task Waiting_job_is_placed_once_the_job_before_it_finishes()
    {
        var first = await _jobs.SubmitRunningAsync(Specs.Workers("big", count: 3, gpus: 1));
        var second = await _jobs.SubmitAsync(Specs.Workers("waiting", count: 2, gpus: 1));
        Assert.Equal(JobState.Pending, (await _jobs.GetAsync(second)).State);

        await _jobs.ExitedAsync(first, "worker-0", exitCode: 0);

        Assert.Equal(JobState.Succeeded, (await _jobs.GetAsync(first)).State);
        var placed = await _jobs.WaitForAsync(second, JobState.Running);
        Assert.Null(placed.Reason);
        Assert.All(placed.Tasks, task => Assert.Equal(PlatformClusterFixture.NodeId, task.Node));
        Assert.Empty(await _jobs.DesiredAsync(first));
        Assert.Equal(["worker-0", "worker-1"], (await _jobs.DesiredAsync(second)).Select(assignment => assignment.Task));
        var node = await _jobs.Node.GetViewAsync();
        Assert.Equal(2, node!.Gpus.Count(gpu => gpu.Holder?.JobId == second));
        Assert.DoesNotContain(node.Gpus, gpu => gpu.Holder?.JobId == first);
    }

    [Fact]
    public async Task Cancelled_waiting_job_is_never_placed()
    {
        var first = await _jobs.SubmitRunningAsync(Specs.Workers("big", count: 3, gpus: 1));
        var second = await _jobs.SubmitAsync(Specs.Workers("waiting", count: 2, gpus: 1));

        Assert.True(await _jobs.Job(second).CancelAsync());
        await _jobs.ExitedAsync(first, "worker-0", exitCode: 0);
        var third = await _jobs.SubmitRunningAsync(Specs.Workers("after", count: 4, gpus: 1));

        Assert.Equal(JobState.Cancelled, (await _jobs.GetAsync(second)).State);
        Assert.Empty(await _jobs.DesiredAsync(second));
        Assert.Equal(4, (await _jobs.DesiredAsync(third)).Count);
    }

    [Fact]
    public async Task Job_event_timeline_records_queueing_and_placement()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("timeline", count: 2, gpus: 1));

        var events = await _jobs.Job(id).GetEventsAsync();

        Assert.Equal(["Queued", "Placed"], events.Select(e => e.Type));
        Assert.Equal(PlatformClusterFixture.NodeId, events[1].Node);
        Assert.Contains("worker-0, worker-1", events[1].Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();
}
