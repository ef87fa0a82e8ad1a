using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Nodes;
using Platform.Grains.Hosting;
using Platform.Grains.Nodes;

namespace Platform.Grains.Tests.Cluster;

/// <summary>
/// Two nodes whose heartbeats the test controls, on a cluster that declares a node Lost after one
/// silent second.
/// </summary>
public sealed class NodeLossTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly Dictionary<string, CancellationTokenSource> _agents = [];
    private InProcessTestCluster _cluster = null!;

    private IClusterClient Client => _cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPlatformGrains(_dir.Path);
            silo.Services.Configure<NodeLivenessOptions>(options => options.LostAfterSeconds = 1);
            silo.Services.Configure<Platform.Grains.Jobs.RestartBackoffOptions>(options => options.Initial = TimeSpan.Zero);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
        foreach (var node in new[] { "node-a", "node-b" })
        {
            await Node(node).RegisterAsync(Capacity(node));
            StartAgent(node);
        }
    }

    [Fact]
    public async Task Tasks_of_a_lost_node_are_placed_again_elsewhere_without_using_the_backoff_limit()
    {
        var jobs = new JobDriver(Client);
        var id = await jobs.SubmitRunningAsync(Specs.Workers("moves", count: 2, gpus: 1, RestartPolicy.OnFailure) with
        {
            Volumes = [new VolumeSpec("checkpoints", "/checkpoints")],
        });
        var first = await jobs.GetAsync(id);
        var lostNode = first.Tasks[0].Node!;
        var otherNode = lostNode == "node-a" ? "node-b" : "node-a";
        await Report(id, first.Tasks, lostNode, attempt: 0);

        await StopAgentAsync(lostNode);

        var again = await Eventually.UntilAsync(() => jobs.GetAsync(id),
            job => job.State == JobState.Running && job.Tasks.All(task => task.Node == otherNode), "the job to run again on the other node");
        Assert.Equal(1, again.InfrastructureRestarts);
        Assert.Equal(0, again.Restarts);
        Assert.All(again.Tasks, task => Assert.Equal(TaskState.Starting, task.State));
        var moved = (await Node(otherNode).GetDesiredAsync()).Where(a => a.JobId == id).ToList();
        Assert.Equal([1, 1], moved.Select(a => a.Attempt));
        // The same volume key on every node: with a shared VolumesPath the moved tasks find their checkpoints.
        Assert.All(moved, a => Assert.Equal([new VolumeMount($"jobs/{id}/checkpoints", "/checkpoints")], a.Volumes));
        var lost = (await Node(lostNode).GetViewAsync())!;
        Assert.Equal(NodeState.Lost, lost.State);
        Assert.Empty(lost.Tasks);
        Assert.All(lost.Gpus, gpu => Assert.Null(gpu.Holder));
        var events = await jobs.Job(id).GetEventsAsync();
        Assert.Contains(events, e => e.Type == "Lost" && e.Node == lostNode && e.Reason == "NodeLost");

        await Report(id, again.Tasks, otherNode, attempt: 1);
        await jobs.ExitedAsync(id, "worker-0", exitCode: 0, attempt: 1);
        Assert.Equal(JobState.Succeeded, (await jobs.GetAsync(id)).State);
    }

    [Fact]
    public async Task Cancelling_a_job_placed_again_stops_its_new_tasks_and_holds_their_GPUs_until_the_containers_are_gone()
    {
        var jobs = new JobDriver(Client);
        // Kept (stopped) for a while after the job ends, so the node's desired state can be read.
        var id = await jobs.SubmitRunningAsync(Specs.Workers("replaced", count: 2, gpus: 2, RestartPolicy.OnFailure) with { TtlSecondsAfterFinished = 600 });
        var lostNode = (await jobs.GetAsync(id)).Tasks[0].Node!;
        var otherNode = lostNode == "node-a" ? "node-b" : "node-a";
        await StopAgentAsync(lostNode);
        var again = await Eventually.UntilAsync(() => jobs.GetAsync(id),
            job => job.State == JobState.Running && job.Tasks.All(task => task.Node == otherNode), "the job to run again on the other node");
        // The other node's agent now runs the moved containers and says so in every heartbeat.
        await StopAgentAsync(otherNode);
        var running = again.Tasks.Select(task => new TaskObservation
        {
            JobId = id, Task = task.Name, Attempt = 1, NodeId = otherNode, State = TaskState.Running, Time = DateTimeOffset.UtcNow,
        }).ToList();
        StartAgent(otherNode, running);
        await Report(id, again.Tasks, otherNode, attempt: 1);

        Assert.True(await jobs.Job(id).CancelAsync());

        var desired = (await Node(otherNode).GetDesiredAsync()).Where(a => a.JobId == id).ToList();
        Assert.Equal(2, desired.Count);
        Assert.All(desired, assignment => Assert.True(assignment.Stopped, $"{assignment.Key} is still wanted"));
        Assert.All(desired, assignment => Assert.Equal(1, assignment.Generation));
        var waiting = await jobs.SubmitAsync(Specs.Workers("waits-for-gpus", count: 1, gpus: 4));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(JobState.Pending, (await jobs.GetAsync(waiting)).State);
        var held = (await Node(otherNode).GetViewAsync())!.Gpus.Where(gpu => gpu.Holder?.JobId == id).ToList();
        Assert.Equal(4, held.Count);

        await StopAgentAsync(otherNode);
        StartAgent(otherNode);

        await jobs.WaitForAsync(waiting, JobState.Running);
        Assert.DoesNotContain((await Node(otherNode).GetViewAsync())!.Gpus, gpu => gpu.Holder?.JobId == id);
    }

    [Fact]
    public async Task A_job_on_two_nodes_talks_through_each_node_s_interface_and_one_on_a_single_node_through_loopback()
    {
        var jobs = new JobDriver(Client);
        var spread = await jobs.SubmitRunningAsync(Specs.Workers("spread", count: 5, gpus: 1));
        var single = await jobs.SubmitRunningAsync(Specs.Workers("single", count: 2, gpus: 1));

        foreach (var node in new[] { "node-a", "node-b" })
        {
            var desired = (await Node(node).GetDesiredAsync()).Where(a => !a.Stopped).ToList();
            Assert.All(desired.Where(a => a.JobId == spread), a => Assert.Equal($"eth-{node}", a.Env["GLOO_SOCKET_IFNAME"]));
            Assert.All(desired.Where(a => a.JobId == single), a => Assert.Equal("lo", a.Env["NCCL_SOCKET_IFNAME"]));
        }

        Assert.Equal(7, (await Node("node-a").GetDesiredAsync()).Concat(await Node("node-b").GetDesiredAsync())
            .Count(a => a.JobId == spread || a.JobId == single));
        await jobs.Job(spread).CancelAsync();
        await jobs.Job(single).CancelAsync();
    }

    [Fact]
    public async Task A_lost_node_back_with_its_tasks_still_running_keeps_them_and_their_GPUs_until_it_shows_them_stopped()
    {
        var jobs = new JobDriver(Client);
        var id = await jobs.SubmitRunningAsync(Specs.Workers("cut-off", count: 2, gpus: 2, RestartPolicy.OnFailure));
        var first = await jobs.GetAsync(id);
        var node = first.Tasks[0].Node!;
        Assert.All(first.Tasks, task => Assert.Equal(node, task.Node));
        var stillRunning = first.Tasks.Select(task => new TaskObservation
        {
            JobId = id, Task = task.Name, Attempt = 0, NodeId = node, State = TaskState.Running, Time = DateTimeOffset.UtcNow,
        }).ToList();

        // Silent past LostAfter (a silo that died swallowed its heartbeats), then heard again, its tasks never having stopped.
        await StopAgentAsync(node);
        await Eventually.UntilAsync(() => Node(node).GetViewAsync(), view => view!.State == NodeState.Lost, "the node to be Lost");
        StartAgent(node, stillRunning);

        // Well past a second LostAfter: the old copies still run, so the job is not placed again and their GPUs stay theirs.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var waiting = await jobs.GetAsync(id);
        Assert.Equal(JobState.Restarting, waiting.State);
        Assert.All(waiting.Tasks, task => Assert.Null(task.Node));
        Assert.Equal(4, (await Node(node).GetViewAsync())!.Gpus.Count(gpu => gpu.Holder?.JobId == id));
        var desired = (await Node(node).GetDesiredAsync()).Where(a => a.JobId == id).ToList();
        Assert.All(desired, assignment => Assert.True(assignment.Stopped));

        // The agent stops them (its desired state says so) and shows them gone: now the job runs again.
        await StopAgentAsync(node);
        StartAgent(node);
        var again = await jobs.WaitForAsync(id, JobState.Running);
        Assert.Equal(1, again.InfrastructureRestarts);
    }

    [Fact]
    public async Task Node_loss_fails_a_job_whose_policy_is_Never()
    {
        var jobs = new JobDriver(Client);
        var id = await jobs.SubmitRunningAsync(Specs.Workers("fragile", count: 1, gpus: 1));
        var node = (await jobs.GetAsync(id)).Tasks[0].Node!;

        await StopAgentAsync(node);

        var job = await jobs.WaitForAsync(id, JobState.Failed);
        Assert.StartsWith("NodeLost", job.Reason, StringComparison.Ordinal);
        Assert.Equal(TaskState.Lost, job.Tasks[0].State);
    }

    [Fact]
    public async Task Lost_node_that_speaks_again_is_ready_and_takes_jobs()
    {
        await StopAgentAsync("node-a");
        await Eventually.UntilAsync(() => Node("node-a").GetViewAsync(), view => view!.State == NodeState.Lost, "node-a to be Lost");

        StartAgent("node-a");

        await Eventually.UntilAsync(() => Node("node-a").GetViewAsync(), view => view!.State == NodeState.Ready, "node-a to be back");
        var jobs = new JobDriver(Client);
        var id = await jobs.SubmitRunningAsync(Specs.Workers("big", count: 8, gpus: 1));
        Assert.Equal(2, (await jobs.GetAsync(id)).Tasks.Select(task => task.Node).Distinct().Count());
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _agents.Keys.ToList())
        {
            await StopAgentAsync(node);
        }

        await _cluster.DisposeAsync();
        _dir.Dispose();
    }

    private INodeGrain Node(string id) => Client.GetGrain<INodeGrain>(id);

    private Task Report(string id, IEnumerable<TaskView> tasks, string node, int attempt) => Task.WhenAll(tasks.Select(task =>
        Client.GetGrain<IJobGrain>(id).ReportAsync(new TaskObservation
        {
            JobId = id, Task = task.Name, Attempt = attempt, NodeId = node, State = TaskState.Running,
            ContainerId = $"c-{task.Name}-{attempt}", Time = DateTimeOffset.UtcNow,
        })));

    private void StartAgent(string node, IReadOnlyList<TaskObservation>? running = null)
    {
        var stop = new CancellationTokenSource();
        _agents[node] = stop;
        _ = PlatformClusterFixture.HeartbeatAsync(Node(node), stop.Token, running ?? []);
    }

    private async Task StopAgentAsync(string node)
    {
        if (_agents.Remove(node, out var stop))
        {
            await stop.CancelAsync();
            stop.Dispose();
        }
    }

    private static NodeCapacity Capacity(string node) => new()
    {
        NodeId = node,
        Host = $"10.0.0.{(node == "node-a" ? 7 : 8)}",
        Cpus = 16,
        MemoryMb = 65536,
        Gpus = NvidiaSmi.Fake(4),
        PortStart = 41000,
        PortEnd = 41099,
        NetworkInterface = $"eth-{node}",
    };
}
