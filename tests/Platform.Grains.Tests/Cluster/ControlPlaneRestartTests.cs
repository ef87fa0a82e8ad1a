using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;

namespace Platform.Grains.Tests.Cluster;

/// <summary>A control plane that restarts on the same data directory loses nothing.</summary>
public sealed class ControlPlaneRestartTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Restarted_control_plane_keeps_jobs_assignments_and_allocations()
    {
        string running;
        JobView before;
        IReadOnlyList<TaskAssignment> desiredBefore;
        await using (var first = await PlatformClusterFixture.DeployAsync(_dir.Path))
        {
            var jobs = new JobDriver(first.Client);
            await jobs.Node.RegisterAsync(PlatformClusterFixture.Capacity);
            running = await jobs.SubmitRunningAsync(Specs.Workers("survivor", count: 3, gpus: 1));
            await jobs.RunningAsync(running, "worker-0");
            before = await jobs.GetAsync(running);
            desiredBefore = await jobs.DesiredAsync(running);
        }

        await using var second = await PlatformClusterFixture.DeployAsync(_dir.Path);
        var again = new JobDriver(second.Client);

        var after = await again.GetAsync(running);
        Assert.Equal(JobState.Running, after.State);
        Assert.Equal(
            before.Tasks.Select(task => (task.Name, task.State, task.Port, string.Join(',', task.Gpus))),
            after.Tasks.Select(task => (task.Name, task.State, task.Port, string.Join(',', task.Gpus))));
        var desiredAfter = await again.DesiredAsync(running);
        Assert.Equal(desiredBefore.Select(a => (a.Task, a.Attempt, a.Port)), desiredAfter.Select(a => (a.Task, a.Attempt, a.Port)));
        Assert.Equal((running, "worker-0"), await HolderAsync(again, desiredAfter[0].GpuIndexes[0]));

        var waiting = await again.SubmitAsync(Specs.Workers("latecomer", count: 2, gpus: 1));
        Assert.Equal(JobState.Pending, (await again.GetAsync(waiting)).State);
        Assert.Empty(await again.DesiredAsync(waiting));

        using var stop = new CancellationTokenSource();
        var heartbeats = PlatformClusterFixture.HeartbeatAsync(again.Node, stop.Token);
        await again.ExitedAsync(running, "worker-0", exitCode: 0);
        Assert.Equal(JobState.Running, (await again.WaitForAsync(waiting, JobState.Running)).State);
        await again.DisposeAsync();
        await stop.CancelAsync();
        await heartbeats;
    }

    public void Dispose() => _dir.Dispose();

    private static async Task<(string?, string?)> HolderAsync(JobDriver jobs, int gpu)
    {
        var holder = await jobs.HolderAsync(gpu);
        return (holder?.JobId, holder?.Task);
    }
}
