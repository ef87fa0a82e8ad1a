using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Nodes;

/// <summary>Draining a node (cordon): nothing new lands on it; what runs there keeps running.</summary>
public sealed class NodeDrainTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    private INodeGrain Node => _jobs.Node;

    [Fact]
    public async Task Job_waits_while_the_only_fitting_node_drains_and_is_placed_after_undrain()
    {
        var drained = (await Node.DrainAsync("ann"))!;
        Assert.Equal(NodeState.Draining, drained.State);
        Assert.Equal("ann", drained.DrainedBy);
        Assert.NotNull(drained.DrainedAt);

        var id = await _jobs.SubmitAsync(Specs.Workers("waits", count: 1, gpus: 1));

        var pending = await Eventually.UntilAsync(() => _jobs.GetAsync(id), job => job.Reason is not null, "a pending reason");
        Assert.Equal(JobState.Pending, pending.State);
        Assert.Contains($"{PlatformClusterFixture.NodeId} is draining", pending.Reason, StringComparison.Ordinal);
        Assert.Empty(await _jobs.DesiredAsync(id));

        var undrained = (await Node.UndrainAsync("bob"))!;

        Assert.Equal(NodeState.Ready, undrained.State);
        Assert.Null(undrained.DrainedBy);
        Assert.Equal("bob", undrained.UndrainedBy);
        await _jobs.WaitForAsync(id, JobState.Running);
        Assert.Single(await _jobs.DesiredAsync(id));
    }

    [Fact]
    public async Task Tasks_running_on_a_drained_node_keep_running_and_heartbeats_leave_it_draining()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("stays", count: 2, gpus: 1));
        await _jobs.RunningAsync(id, "worker-0");
        await _jobs.RunningAsync(id, "worker-1");

        await Node.DrainAsync("ann");
        await Node.HeartbeatAsync([]);

        var view = (await Node.GetViewAsync())!;
        Assert.Equal(NodeState.Draining, view.State);
        Assert.Equal([$"{id}/worker-0", $"{id}/worker-1"], view.Tasks);
        Assert.Equal(JobState.Running, (await _jobs.GetAsync(id)).State);
        var desired = await _jobs.DesiredAsync(id);
        Assert.Equal(2, desired.Count);
        Assert.All(desired, assignment => Assert.False(assignment.Stopped, $"{assignment.Key} was stopped"));
        Assert.Equal(id, (await _jobs.HolderAsync(desired[0].GpuIndexes[0]))?.JobId);
    }

    [Fact]
    public async Task Draining_twice_keeps_who_drained_first()
    {
        var first = (await Node.DrainAsync("ann"))!;

        var again = (await Node.DrainAsync("bob"))!;

        Assert.Equal(NodeState.Draining, again.State);
        Assert.Equal("ann", again.DrainedBy);
        Assert.Equal(first.DrainedAt, again.DrainedAt);
    }

    [Fact]
    public async Task Unknown_node_cannot_be_drained()
    {
        var unknown = cluster.Client.GetGrain<INodeGrain>($"nowhere-{Guid.NewGuid():N}");

        Assert.Null(await unknown.DrainAsync("ann"));
        Assert.Null(await unknown.UndrainAsync("ann"));
        Assert.Null(await unknown.GetViewAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Node.UndrainAsync("test");
        await _jobs.DisposeAsync();
    }
}
