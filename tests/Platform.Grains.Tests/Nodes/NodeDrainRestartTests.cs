using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Grains.Nodes;
using Platform.Grains.Tests.Cluster;

namespace Platform.Grains.Tests.Nodes;

/// <summary>A drain is part of the node's state: a restarted control plane and a Lost node's return keep it.</summary>
public sealed class NodeDrainRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Drain_survives_a_restart_and_a_lost_node_comes_back_draining()
    {
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            var node = new JobDriver(first.Client).Node;
            await node.RegisterAsync(PlatformClusterFixture.Capacity);
            await node.DrainAsync("ann");
        }

        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path,
            silo => silo.Services.Configure<NodeLivenessOptions>(options => options.LostAfterSeconds = 1));
        var jobs = new JobDriver(second.Client);
        var after = (await jobs.Node.GetViewAsync())!;
        // Silent since the restart, the node may already be Lost: either way, not Ready.
        Assert.Contains(after.State, new[] { NodeState.Draining, NodeState.Lost });
        Assert.Equal("ann", after.DrainedBy);
        await jobs.Node.WatchAsync();
        await Eventually.UntilAsync(() => jobs.Node.GetViewAsync(), view => view!.State == NodeState.Lost, "the silent node to be Lost");

        using var stop = new CancellationTokenSource();
        var heartbeats = PlatformClusterFixture.HeartbeatAsync(jobs.Node, stop.Token);
        try
        {
            var back = await Eventually.UntilAsync(() => jobs.Node.GetViewAsync(), view => view!.State != NodeState.Lost, "the node to be back");
            Assert.Equal(NodeState.Draining, back!.State);
            var id = await jobs.SubmitAsync(Specs.Workers("after-restart", count: 1, gpus: 1));
            var pending = await Eventually.UntilAsync(() => jobs.GetAsync(id),
                job => job.Reason?.Contains($"{PlatformClusterFixture.NodeId} is draining", StringComparison.Ordinal) == true, "a reason naming the draining node");
            Assert.Equal(JobState.Pending, pending.State);
            Assert.Empty(await jobs.DesiredAsync(id));

            await jobs.Node.UndrainAsync("bob");

            await jobs.WaitForAsync(id, JobState.Running);
            await jobs.Job(id).CancelAsync();
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats;
        }
    }

    public void Dispose() => _dir.Dispose();
}
