using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;

namespace Platform.Grains.Tests.Cluster;

/// <summary>The scheduler's queue keys on the team's priority class: value first, then age.</summary>
public sealed class PriorityQueueTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    private ISchedulerGrain Scheduler => cluster.Client.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool);

    private static JobSpec Classed(string name, int gpus, string team, string? className, int? value) =>
        Specs.Workers(name, count: gpus, gpus: 1, team: team) with { PriorityClass = className, PriorityValue = value };

    [Fact]
    public async Task High_class_job_is_placed_before_an_older_normal_one()
    {
        var blocker = await _jobs.SubmitRunningAsync(Classed("blocker", 2, "ops", "normal", 100));
        var older = await _jobs.SubmitAsync(Classed("older-normal", 3, "vision", "normal", 100));
        var younger = await _jobs.SubmitAsync(Classed("younger-high", 3, "nlp", "high", 1000));

        var queue = await Scheduler.GetQueueAsync();
        Assert.Equal([younger, older], queue.Pending.Select(request => request.JobId));
        Assert.Equal(("nlp", "high", 1000), (queue.Pending[0].Team, queue.Pending[0].PriorityClass, queue.Pending[0].PriorityValue));
        Assert.Equal(1, queue.PendingByTeam["vision"]);
        Assert.Equal(1, queue.PendingByTeam["nlp"]);
        Assert.False(queue.PendingByTeam.ContainsKey("ops"));

        await _jobs.ExitedAsync(blocker, "worker-0", exitCode: 0);

        await _jobs.WaitForAsync(younger, JobState.Running);
        var waiting = await _jobs.GetAsync(older);
        Assert.Equal(JobState.Pending, waiting.State);
        Assert.Contains("3 GPUs", waiting.Reason, StringComparison.Ordinal);
        Assert.Equal("normal", waiting.PriorityClass);
        Assert.Equal([older], (await Scheduler.GetQueueAsync()).Pending.Select(request => request.JobId));
    }

    [Fact]
    public async Task Job_stored_without_a_class_waits_as_the_default_class()
    {
        var blocker = await _jobs.SubmitRunningAsync(Classed("blocker", 4, "ops", "normal", 100));
        var legacy = await _jobs.SubmitAsync(Classed("legacy", 1, "vision", null, null));
        var low = await _jobs.SubmitAsync(Classed("low", 1, "vision", "low", 0));

        var queue = await Scheduler.GetQueueAsync();

        Assert.Equal([legacy, low], queue.Pending.Select(request => request.JobId));
        Assert.Equal(("vision", "normal", 100), (queue.Pending[0].Team, queue.Pending[0].PriorityClass, queue.Pending[0].PriorityValue));
        Assert.Equal(2, queue.PendingByTeam["vision"]);
        Assert.Equal(JobState.Running, (await _jobs.GetAsync(blocker)).State);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();
}
