using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Cluster;

public sealed class JobIndexTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);
    private readonly string _team = $"team-{Guid.NewGuid():N}";

    private IJobIndexGrain Index => cluster.Client.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex);

    [Fact]
    public async Task Job_index_lists_newest_first()
    {
        var first = await _jobs.SubmitAsync(Specs.Workers("first", 1, 0, team: _team));
        var second = await _jobs.SubmitAsync(Specs.Workers("second", 1, 0, team: _team));
        var third = await _jobs.SubmitAsync(Specs.Workers("third", 1, 0, team: _team));

        var listed = await ListAsync(null, _team);

        Assert.Equal([third, second, first], listed.Select(job => job.Id));
        Assert.Equal(["third", "second", "first"], listed.Select(job => job.Name));
        Assert.All(listed, job => Assert.Equal(_team, job.Team));
    }

    [Fact]
    public async Task Job_index_filters_by_state()
    {
        var succeeded = await _jobs.SubmitRunningAsync(Specs.Workers("done", 1, 0, team: _team));
        await _jobs.ExitedAsync(succeeded, "worker-0", exitCode: 0);
        var running = await _jobs.SubmitRunningAsync(Specs.Workers("busy", 1, 1, team: _team));
        var pending = await _jobs.SubmitAsync(Specs.Workers("toobig", 1, PlatformClusterFixture.GpuCount + 1, team: _team));

        Assert.Equal([succeeded], await IdsAsync(JobState.Succeeded, _team));
        Assert.Equal([running], await IdsAsync(JobState.Running, _team));
        Assert.Equal([pending], await IdsAsync(JobState.Pending, _team));
        Assert.Empty(await IdsAsync(JobState.Failed, _team));
    }

    [Fact]
    public async Task Job_index_filters_by_team()
    {
        var other = $"other-{Guid.NewGuid():N}";
        var mine = await _jobs.SubmitAsync(Specs.Workers("mine", 1, 0, team: _team));
        var theirs = await _jobs.SubmitAsync(Specs.Workers("theirs", 1, 0, team: other));

        Assert.Equal([mine], await IdsAsync(null, _team));
        Assert.Equal([theirs], await IdsAsync(null, other));
        Assert.Contains(mine, (await ListAsync(null, null)).Select(job => job.Id));
        Assert.Contains(theirs, (await ListAsync(null, null)).Select(job => job.Id));
    }

    [Fact]
    public async Task Job_index_follows_the_jobs_state()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("follow", 1, 0, team: _team));
        Assert.Equal([JobState.Running], (await ListAsync(null, _team)).Select(job => job.State));

        await _jobs.Job(id).CancelAsync();

        Assert.Equal([JobState.Cancelled], (await ListAsync(null, _team)).Select(job => job.State));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    [Fact]
    public async Task Job_index_pages_newest_first_with_a_cursor_and_reads_no_job_grain()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _jobs.SubmitAsync(Specs.Workers($"paged-{i}", 1, 0, team: _team)));
        }

        var first = await Index.ListAsync(new JobQuery(null, _team, null, 2));
        var second = await Index.ListAsync(new JobQuery(null, _team, first.Next, 2));
        var last = await Index.ListAsync(new JobQuery(null, _team, second.Next, 2));

        Assert.Equal([ids[4], ids[3]], first.Jobs.Select(job => job.Id));
        Assert.Equal([ids[2], ids[1]], second.Jobs.Select(job => job.Id));
        Assert.Equal([ids[0]], last.Jobs.Select(job => job.Id));
        Assert.Null(last.Next);
        // The listed view is the job's own, tasks included.
        Assert.Equal(await _jobs.GetAsync(ids[0]), last.Jobs[0], JobViewComparer.Instance);
    }

    private async Task<IReadOnlyList<JobView>> ListAsync(JobState? state, string? team) =>
        (await Index.ListAsync(new JobQuery(state, team, null, 1000))).Jobs;

    private async Task<IReadOnlyList<string>> IdsAsync(JobState? state, string team) =>
        [.. (await ListAsync(state, team)).Select(job => job.Id)];
}
