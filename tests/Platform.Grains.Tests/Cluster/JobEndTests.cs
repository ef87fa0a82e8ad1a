using System.Text.Json;
using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>How a job ends: success policy, cancel, late exits, and what it leaves behind.</summary>
public sealed class JobEndTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Cancel_stops_the_job_unassigns_its_tasks_and_frees_its_gpus()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("cancel", count: 2, gpus: 2));
        var gpus = (await _jobs.DesiredAsync(id)).SelectMany(assignment => assignment.GpuIndexes).ToList();
        await _jobs.RunningAsync(id, "worker-0");

        Assert.True(await _jobs.Job(id).CancelAsync());

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Cancelled, job.State);
        Assert.NotNull(job.FinishedAt);
        Assert.All(job.Tasks, task => Assert.Equal((TaskState.Killed, "Cancelled"), (task.State, task.Reason)));
        Assert.Empty(await _jobs.DesiredAsync(id));
        Assert.Equal(4, gpus.Count);
        foreach (var gpu in gpus)
        {
            await _jobs.FreedAsync(gpu);
        }

        Assert.Equal(4, (await _jobs.DesiredAsync(await _jobs.SubmitRunningAsync(Specs.Workers("next", 4, 1)))).Count);
    }

    [Fact]
    public async Task Cancel_of_a_finished_job_returns_false_and_changes_nothing()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("done", count: 1, gpus: 0));
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0);

        Assert.False(await _jobs.Job(id).CancelAsync());

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal(TaskState.Succeeded, job.Tasks[0].State);
    }

    [Fact]
    public async Task Cancel_of_an_unknown_job_returns_false()
    {
        Assert.False(await _jobs.Job($"missing-{Guid.NewGuid():N}").CancelAsync());
        Assert.Null(await _jobs.Job($"missing-{Guid.NewGuid():N}").GetAsync());
    }

    [Fact]
    public async Task Chief_success_ends_the_job_and_kills_the_tasks_still_running()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Job("chief",
            groups: [(ReplicaTypes.Chief, 1, 0), (ReplicaTypes.Ps, 1, 0), (ReplicaTypes.Worker, 1, 0)]));
        await _jobs.RunningAsync(id, "ps-0");

        await _jobs.ExitedAsync(id, "chief-0", exitCode: 0);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Null(job.Reason);
        Assert.Equal(
            [("chief-0", TaskState.Succeeded), ("ps-0", TaskState.Killed), ("worker-0", TaskState.Killed)],
            job.Tasks.Select(task => (task.Name, task.State)));
        Assert.Empty(await _jobs.DesiredAsync(id));
    }

    [Fact]
    public async Task Task_that_exited_zero_just_before_the_job_ended_becomes_succeeded_when_it_reports_late()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Job("late",
            groups: [(ReplicaTypes.Chief, 1, 0), (ReplicaTypes.Worker, 1, 0)]));
        var workerExited = DateTimeOffset.UtcNow;
        await _jobs.ExitedAsync(id, "chief-0", exitCode: 0);
        Assert.Equal(TaskState.Killed, (await _jobs.GetAsync(id)).Tasks[1].State);

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0, time: workerExited);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Equal((TaskState.Succeeded, 0, workerExited), (job.Tasks[1].State, job.Tasks[1].ExitCode, job.Tasks[1].FinishedAt));
    }

    [Fact]
    public async Task Exit_reported_for_a_time_after_the_job_ended_leaves_the_task_killed()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Job("killed",
            groups: [(ReplicaTypes.Chief, 1, 0), (ReplicaTypes.Worker, 1, 0)]));
        await _jobs.ExitedAsync(id, "chief-0", exitCode: 0);
        var finishedAt = (await _jobs.GetAsync(id)).FinishedAt!.Value;

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 143, time: finishedAt.AddSeconds(2));

        var worker = (await _jobs.GetAsync(id)).Tasks[1];
        Assert.Equal((TaskState.Killed, null), (worker.State, worker.ExitCode));
    }

    [Fact]
    public async Task Submit_under_a_taken_id_stores_nothing_and_does_not_answer_the_other_job()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("twice", count: 1, gpus: 1));

        var again = await _jobs.Job(id).SubmitAsync(Specs.Workers("twice", count: 1, gpus: 1));

        Assert.Equal(new JobSubmission(SubmitOutcome.Taken, null), again);
        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Running, job.State);
        Assert.Single(await _jobs.DesiredAsync(id));
    }

    [Fact]
    public async Task The_same_spec_under_the_same_idempotency_key_gets_its_job_back_and_another_spec_does_not()
    {
        var id = $"keyed-{Guid.NewGuid():N}";
        var spec = Specs.Workers("keyed", count: 1, gpus: 0);
        var first = await _jobs.Job(id).SubmitAsync(spec, "key-1");

        var retried = await _jobs.Job(id).SubmitAsync(Specs.Workers("keyed", count: 1, gpus: 0), "key-1");
        var changed = await _jobs.Job(id).SubmitAsync(Specs.Workers("keyed", count: 2, gpus: 0), "key-1");
        var otherKey = await _jobs.Job(id).SubmitAsync(spec, "key-2");
        var noKey = await _jobs.Job(id).SubmitAsync(spec);

        Assert.Equal(SubmitOutcome.Created, first.Outcome);
        Assert.Equal((SubmitOutcome.Replayed, id, 1), (retried.Outcome, retried.Job!.Id, retried.Job.Tasks.Count));
        Assert.Equal(new JobSubmission(SubmitOutcome.Taken, null), changed);
        Assert.Equal(new JobSubmission(SubmitOutcome.Taken, null), otherKey);
        Assert.Equal(new JobSubmission(SubmitOutcome.Taken, null), noKey);
        Assert.Single((await _jobs.GetAsync(id)).Tasks);
        await _jobs.Job(id).CancelAsync();
    }

    [Fact]
    public async Task Job_state_survives_the_grain_being_deactivated()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("durable", count: 2, gpus: 1));
        await _jobs.RunningAsync(id, "worker-0");
        var before = await _jobs.GetAsync(id);

        await cluster.Cluster.DeactivateAsync(_jobs.Job(id));
        await cluster.Cluster.DeactivateAsync(_jobs.Node);

        var after = await _jobs.GetAsync(id);
        Assert.Equal(before.State, after.State);
        Assert.Equal(JsonSerializer.Serialize(before), JsonSerializer.Serialize(after));
        Assert.Equal(["worker-0", "worker-1"], (await _jobs.DesiredAsync(id)).Select(assignment => assignment.Task));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();
}
