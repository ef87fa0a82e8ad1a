using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>The job index's count by state, which the <c>platform.jobs</c> gauge reads.</summary>
public sealed class JobCountTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>
{
    private readonly JobDriver _jobs = new(cluster.Client);

    private IJobIndexGrain Index => cluster.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex);

    [Fact]
    public async Task Counts_follow_the_jobs_states()
    {
        var before = await Index.CountByStateAsync();

        var succeeded = await _jobs.SubmitRunningAsync(Specs.Workers("counted-done", 1, 0));
        await _jobs.ExitedAsync(succeeded, "worker-0", exitCode: 0);
        await _jobs.WaitForAsync(succeeded, JobState.Succeeded);
        await _jobs.SubmitRunningAsync(Specs.Workers("counted-busy", 1, 1));
        await _jobs.SubmitAsync(Specs.Workers("counted-toobig", 1, PlatformClusterFixture.GpuCount + 1));
        await _jobs.SubmitAsync(Specs.Workers("counted-toobig-too", 1, PlatformClusterFixture.GpuCount + 1));

        var after = await Index.CountByStateAsync();
        Assert.Equal(1, Delta(JobState.Succeeded));
        Assert.Equal(1, Delta(JobState.Running));
        Assert.Equal(2, Delta(JobState.Pending));
        Assert.Equal(0, Delta(JobState.Failed));

        long Delta(JobState state) => after.GetValueOrDefault(state) - before.GetValueOrDefault(state);
    }
}
