using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>Failed tasks wait before they start again, and the wait outlives a restart of the control plane.</summary>
public sealed class RestartBackoffTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task A_failed_task_backs_off_with_a_reason_saying_when_and_doubles_its_wait_up_to_the_maximum()
    {
        await using var cluster = await DeployAsync();
        var jobs = new JobDriver(cluster.Client);
        using var stop = new CancellationTokenSource();
        var heartbeats = PlatformClusterFixture.HeartbeatAsync(jobs.Node, stop.Token);
        var id = await jobs.SubmitRunningAsync(Specs.Workers("crashes", count: 1, gpus: 0, RestartPolicy.OnFailure));
        await jobs.RunningAsync(id, "worker-0");

        var failedAt = DateTimeOffset.UtcNow;
        await jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        var waiting = await jobs.GetAsync(id);
        Assert.Equal(JobState.Restarting, waiting.State);
        Assert.StartsWith("BackOff: restarting worker-0 in 2 s", waiting.Reason, StringComparison.Ordinal);
        var task = Assert.Single(waiting.Tasks);
        Assert.Equal(TaskState.Pending, task.State);
        Assert.StartsWith("BackOff", task.Reason, StringComparison.Ordinal);
        Assert.InRange(task.NextAttemptAt!.Value, failedAt.AddSeconds(1.5), DateTimeOffset.UtcNow.AddSeconds(2.5));
        Assert.Equal(0, (await jobs.DesiredAsync(id, "worker-0")).Attempt);
        Assert.Contains(await jobs.Job(id).GetEventsAsync(), e => e.Type == "BackOff" && e.Reason == "BackOff");

        var assigned = await Eventually.UntilAsync(() => jobs.DesiredAsync(id, "worker-0"), a => a.Attempt == 1, "the second attempt to be assigned");
        Assert.True(DateTimeOffset.UtcNow >= task.NextAttemptAt, "started again before its back-off ended");
        Assert.Null((await jobs.GetAsync(id)).Tasks[0].NextAttemptAt);
        await jobs.RunningAsync(id, "worker-0", attempt: assigned.Attempt);
        await jobs.ExitedAsync(id, "worker-0", exitCode: 1, attempt: assigned.Attempt);

        Assert.StartsWith("BackOff: restarting worker-0 in 3 s", (await jobs.GetAsync(id)).Reason, StringComparison.Ordinal);
        await jobs.Job(id).CancelAsync();
        await stop.CancelAsync();
        await heartbeats;
    }

    [Fact]
    public async Task A_task_backing_off_when_the_control_plane_stops_starts_again_after_it_is_back()
    {
        string id;
        await using (var first = await DeployAsync(initial: TimeSpan.FromSeconds(3)))
        {
            var jobs = new JobDriver(first.Client);
            await jobs.Node.RegisterAsync(PlatformClusterFixture.Capacity);
            id = await jobs.SubmitRunningAsync(Specs.Workers("crashes-across", count: 1, gpus: 0, RestartPolicy.OnFailure));
            await jobs.RunningAsync(id, "worker-0");
            await jobs.ExitedAsync(id, "worker-0", exitCode: 1);
            Assert.StartsWith("BackOff", (await jobs.GetAsync(id)).Reason, StringComparison.Ordinal);
        }

        await using var second = await DeployAsync(initial: TimeSpan.FromSeconds(3));
        var again = new JobDriver(second.Client);
        using var stop = new CancellationTokenSource();
        var heartbeats = PlatformClusterFixture.HeartbeatAsync(again.Node, stop.Token);

        await Eventually.UntilAsync(() => again.DesiredAsync(id, "worker-0"), a => a.Attempt == 1, "the second attempt to be assigned after the restart");
        await again.Job(id).CancelAsync();
        await stop.CancelAsync();
        await heartbeats;
    }

    public void Dispose() => _dir.Dispose();

    private async Task<Orleans.TestingHost.InProcessTestCluster> DeployAsync(TimeSpan? initial = null)
    {
        var cluster = await PlatformClusterFixture.DeployAsync(_dir.Path, silo => silo.Services.Configure<RestartBackoffOptions>(options =>
        {
            options.Initial = initial ?? TimeSpan.FromSeconds(2);
            options.Max = TimeSpan.FromSeconds(3);
        }));
        await cluster.Client.GetGrain<Platform.Contracts.Nodes.INodeGrain>(PlatformClusterFixture.NodeId).RegisterAsync(PlatformClusterFixture.Capacity);
        return cluster;
    }
}
