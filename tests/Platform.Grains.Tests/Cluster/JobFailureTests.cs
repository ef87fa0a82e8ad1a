using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;

namespace Platform.Grains.Tests.Cluster;

/// <summary>What a task's exit does to its job under each restart policy.</summary>
public sealed class JobFailureTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>, IAsyncLifetime
{
    private readonly JobDriver _jobs = new(cluster.Client);

    [Fact]
    public async Task Failure_under_never_policy_fails_the_job_naming_task_and_code()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("never", count: 2, gpus: 1));
        var gpus = (await _jobs.DesiredAsync(id)).SelectMany(assignment => assignment.GpuIndexes).ToList();
        await _jobs.RunningAsync(id, "worker-0");
        await _jobs.RunningAsync(id, "worker-1");

        await _jobs.ExitedAsync(id, "worker-1", exitCode: 3);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Equal("worker-1 exited with code 3", job.Reason);
        Assert.NotNull(job.FinishedAt);
        Assert.Equal((TaskState.Failed, 3), (job.Tasks[1].State, job.Tasks[1].ExitCode));
        Assert.Equal(TaskState.Killed, job.Tasks[0].State);
        Assert.Equal(0, job.Restarts);
        Assert.Empty(await _jobs.DesiredAsync(id));
        foreach (var gpu in gpus)
        {
            await _jobs.FreedAsync(gpu);
        }
    }

    [Fact]
    public async Task Failure_under_on_failure_policy_restarts_the_task_as_a_new_attempt()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("onfailure", count: 1, gpus: 1, RestartPolicy.OnFailure) with
        {
            Volumes = [new VolumeSpec("checkpoints", "/checkpoints")],
        });
        var first = await _jobs.DesiredAsync(id, "worker-0");
        Assert.Equal([new VolumeMount($"jobs/{id}/checkpoints", "/checkpoints")], first.Volumes);
        await _jobs.RunningAsync(id, "worker-0");

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        var restarting = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Restarting, restarting.State);
        Assert.Contains("worker-0", restarting.Reason, StringComparison.Ordinal);
        Assert.Equal(1, restarting.Restarts);
        Assert.Equal((TaskState.Pending, 1, null), (restarting.Tasks[0].State, restarting.Tasks[0].Restarts, restarting.Tasks[0].ExitCode));
        var second = await _jobs.DesiredAsync(id, "worker-0");
        Assert.Equal(1, second.Attempt);
        Assert.Equal(first.GpuIndexes, second.GpuIndexes);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal(first.Env, second.Env);
        Assert.Equal(first.Volumes, second.Volumes);
        Assert.Equal((id, "worker-0"), await HolderOfAsync(second.GpuIndexes[0]));

        await _jobs.RunningAsync(id, "worker-0", attempt: 1);
        Assert.Equal(JobState.Running, (await _jobs.GetAsync(id)).State);

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0, attempt: 1);
        var done = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Succeeded, done.State);
        Assert.Equal((TaskState.Succeeded, 0), (done.Tasks[0].State, done.Tasks[0].ExitCode));
        Assert.Empty(await _jobs.DesiredAsync(id));
        await _jobs.FreedAsync(second.GpuIndexes[0]);
    }

    [Fact]
    public async Task Reports_of_an_old_attempt_are_ignored()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("stale", count: 1, gpus: 0, RestartPolicy.OnFailure));
        await _jobs.RunningAsync(id, "worker-0");
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);

        await _jobs.RunningAsync(id, "worker-0", attempt: 0);
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 2, attempt: 0);
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0, attempt: 0);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Restarting, job.State);
        Assert.Equal(1, job.Restarts);
        Assert.Equal((TaskState.Pending, null), (job.Tasks[0].State, job.Tasks[0].ExitCode));
        Assert.Equal(1, (await _jobs.DesiredAsync(id, "worker-0")).Attempt);
    }

    [Fact]
    public async Task Reports_of_a_future_attempt_are_ignored()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("future", count: 1, gpus: 0));

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 0, attempt: 4);

        Assert.Equal(JobState.Running, (await _jobs.GetAsync(id)).State);
    }

    [Fact]
    public async Task Restarts_past_the_backoff_limit_fail_the_job()
    {
        var id = await _jobs.SubmitRunningAsync(
            Specs.Job("backoff", RestartPolicy.OnFailure, backoffLimit: 1, groups: (ReplicaTypes.Worker, 1, 0)));
        await _jobs.ExitedAsync(id, "worker-0", exitCode: 1);
        Assert.Equal(1, (await _jobs.DesiredAsync(id, "worker-0")).Attempt);

        await _jobs.ExitedAsync(id, "worker-0", exitCode: 137, attempt: 1);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Failed, job.State);
        Assert.StartsWith("BackoffLimitExceeded: worker-0 exited with code 137", job.Reason, StringComparison.Ordinal);
        Assert.Equal(1, job.Restarts);
        Assert.Empty(await _jobs.DesiredAsync(id));
    }

    [Fact]
    public async Task Running_report_marks_the_task_running_with_its_container()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("running", count: 1, gpus: 0));
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-3);

        await _jobs.ReportAsync(id, "worker-0", TaskState.Running, time: startedAt);

        var task = (await _jobs.GetAsync(id)).Tasks[0];
        Assert.Equal(TaskState.Running, task.State);
        Assert.Equal("c-worker-0-0", task.ContainerId);
        Assert.Equal(startedAt, task.StartedAt);
    }

    [Fact]
    public async Task Job_is_running_again_once_the_restarted_attempt_has_run_even_if_only_its_exit_was_seen()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("quick", count: 2, gpus: 0, RestartPolicy.OnFailure));
        await _jobs.RunningAsync(id, "worker-0");
        await _jobs.RunningAsync(id, "worker-1");
        await _jobs.ExitedAsync(id, "worker-1", exitCode: 1);
        Assert.Equal(JobState.Restarting, (await _jobs.GetAsync(id)).State);

        await _jobs.ExitedAsync(id, "worker-1", exitCode: 0, attempt: 1);

        var job = await _jobs.GetAsync(id);
        Assert.Equal(TaskState.Succeeded, job.Tasks[1].State);
        Assert.Equal(JobState.Running, job.State);
        Assert.Null(job.Reason);
    }

    [Fact]
    public async Task Task_that_could_not_start_fails_the_job_with_the_start_failure_as_reason()
    {
        var id = await _jobs.SubmitRunningAsync(Specs.Workers("nostart", count: 1, gpus: 0));

        await _jobs.Job(id).ReportAsync(new Contracts.Nodes.TaskObservation
        {
            JobId = id, Task = "worker-0", Attempt = 0, NodeId = PlatformClusterFixture.NodeId,
            State = TaskState.Failed, Reason = "StartFailed: Image platform/test:1 is not in the node's Docker engine",
            Time = DateTimeOffset.UtcNow,
        });

        var job = await _jobs.GetAsync(id);
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("StartFailed", job.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("code -1", job.Reason, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _jobs.DisposeAsync().AsTask();

    private async Task<(string?, string?)> HolderOfAsync(int gpu)
    {
        var holder = await _jobs.HolderAsync(gpu);
        return (holder?.JobId, holder?.Task);
    }
}
