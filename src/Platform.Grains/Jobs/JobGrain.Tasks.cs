using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Core.Jobs.Lifecycle;

namespace Platform.Grains.Jobs;

// What agents report: tasks running and exiting, and the restart, success and end decisions that follow.
public sealed partial class JobGrain
{
    /// <summary>
    /// A task that exited on its own just before the job ended was marked Killed with the rest;
    /// its real exit, reported late, replaces that.
    /// </summary>
    private async Task LateExitAsync(TaskRecord task, TaskObservation observation)
    {
        if (task.State != TaskState.Killed || observation.State is not (TaskState.Succeeded or TaskState.Failed) ||
            observation.Time > Job.FinishedAt)
        {
            return;
        }

        task.State = observation.State;
        task.ExitCode = observation.ExitCode;
        task.FinishedAt = observation.Time;
        task.Reason = observation.Reason;
        AddEvent("Exited", DescribeExit(task), task.Name, task.Node, observation.Reason);
        await SaveAsync();
    }

    private async Task TaskRunningAsync(TaskRecord task, TaskObservation observation)
    {
        if (task.State == TaskState.Running && task.ContainerId == observation.ContainerId)
        {
            return;
        }

        task.State = TaskState.Running;
        task.StartedAt = observation.Time;
        task.ContainerId = observation.ContainerId;
        AddEvent("Started", $"{task.Name} started (attempt {task.Attempt})", task.Name, task.Node);
        LeaveRestartingWhenRestarted();
        await SaveAsync();
    }

    private async Task TaskFinishedAsync(TaskRecord task, TaskObservation observation)
    {
        task.State = observation.State;
        task.ExitCode = observation.ExitCode;
        task.FinishedAt = observation.Time;
        task.Reason = observation.Reason;
        task.ContainerId = observation.ContainerId ?? task.ContainerId;
        AddEvent("Exited", DescribeExit(task), task.Name, task.Node, observation.Reason);
        LeaveRestartingWhenRestarted();

        if (SuccessRules.IsSucceeded(Spec.SuccessPolicy, [.. Job.Tasks.Select(other => (other.Type, other.Index, other.State))]))
        {
            await FinishAsync(JobState.Succeeded, null);
            return;
        }

        var decision = task.State == TaskState.Succeeded && Spec.RestartPolicy != RestartPolicy.Always
            ? new RestartDecision(false, null)
            : RestartRules.Decide(Spec.RestartPolicy, task.Name, task.ExitCode ?? -1, Job.Restarts, Spec.BackoffLimit);
        if (decision.Restart)
        {
            await RestartAsync(task);
        }
        else if (decision.FailureReason is not null)
        {
            // A task that never ran has no exit code: its reason (e.g. the image is missing) says more.
            await FinishAsync(JobState.Failed, task.ExitCode is null
                ? $"{task.Name} failed: {task.Reason ?? task.State.ToString()}"
                : decision.FailureReason + (task.Reason is { } why ? $" ({why})" : ""));
        }
        else if (Job.Tasks.All(other => other.State.IsFinished()))
        {
            await FinishAsync(JobState.Failed, $"Every task finished but the {Spec.SuccessPolicy} success policy was not met");
        }
        else
        {
            await SaveAsync();
        }
    }

    /// <summary>A restarted attempt that was seen, running or already exited, ends the Restarting state.</summary>
    private void LeaveRestartingWhenRestarted()
    {
        if (Job.State == JobState.Restarting && Job.Tasks.All(other => other.State != TaskState.Pending))
        {
            Job.State = JobState.Running;
            Job.Reason = null;
        }
    }

    /// <summary>
    /// A new attempt of <paramref name="task"/>, after the back-off its recent restarts call for: until
    /// then it waits, Pending, with a BackOff reason that says when it starts.
    /// </summary>
    private async Task RestartAsync(TaskRecord task)
    {
        var ranFor = task.StartedAt is { } started && task.FinishedAt is { } finished ? finished - started : (TimeSpan?)null;
        var policy = backoff.Value.Policy;
        task.BackoffStep = policy.NextStep(task.BackoffStep, ranFor);
        var delay = policy.DelayBefore(task.BackoffStep);
        task.Attempt++;
        task.Restarts++;
        task.State = TaskState.Pending;
        task.ExitCode = null;
        task.StartedAt = null;
        task.FinishedAt = null;
        Job.Restarts++;
        Job.State = JobState.Restarting;
        if (delay <= TimeSpan.Zero)
        {
            await StartAgainAsync(task);
            return;
        }

        var at = time.GetUtcNow() + delay;
        task.NextAttemptAt = at;
        task.Reason = $"BackOff: starts again at {at:O}";
        Job.Reason = $"BackOff: restarting {task.Name} in {delay.TotalSeconds:0.#} s, at {at:O} ({RestartsUsed()})";
        AddEvent("BackOff", Job.Reason, task.Name, task.Node, "BackOff");
        await SaveAsync();
        ArmRestart(task);
    }

    private async Task StartAgainAsync(TaskRecord task)
    {
        task.NextAttemptAt = null;
        task.Reason = null;
        Job.Reason = $"Restarting {task.Name} ({RestartsUsed()})";
        AddEvent("Restarting", Job.Reason, task.Name, task.Node);
        await SaveAsync();
        await AssignAsync([task]);
    }

    private string RestartsUsed() => $"{Job.Restarts} of {Spec.BackoffLimit} restarts used";

    /// <summary>Arms the timer of a task backing off; after a restart of the platform it is armed again at activation.</summary>
    private void ArmRestart(TaskRecord task)
    {
        if (task.NextAttemptAt is not { } at || Job.State.IsFinished() || _restarts.ContainsKey(task.Name))
        {
            return;
        }

        var due = at - time.GetUtcNow();
        var attempt = task.Attempt;
        _restarts[task.Name] = this.RegisterGrainTimer(
            _ => OnRestartDueAsync(task.Name, attempt),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OnRestartDueAsync(string name, int attempt)
    {
        if (_restarts.Remove(name, out var timer))
        {
            timer.Dispose();
        }

        var task = Job.Tasks.Find(candidate => candidate.Name == name);
        if (task is { State: TaskState.Pending, NextAttemptAt: not null } && task.Attempt == attempt && !Job.State.IsFinished())
        {
            await StartAgainAsync(task);
        }
    }

    /// <param name="by">The user who ended the job; null when the platform did.</param>
    private async Task FinishAsync(JobState final, string? reason, string? by = null)
    {
        var now = time.GetUtcNow();
        Job.State = final;
        Job.Reason = reason;
        Job.FinishedAt = now;
        foreach (var task in Job.Tasks.Where(task => !task.State.IsFinished()))
        {
            task.State = TaskState.Killed;
            task.FinishedAt = now;
            task.Reason = final == JobState.Cancelled ? "Cancelled" : $"Job {final}";
        }

        AddEvent(final.ToString(), reason ?? $"Job {final}", reason: reason, by: by);
        _deadline?.Dispose();
        foreach (var timer in _restarts.Values)
        {
            timer.Dispose();
        }

        _restarts.Clear();
        await SaveAsync();
        LogFinished(logger, Id, final, reason);

        await RetireAsync(now.AddSeconds(Spec.TtlSecondsAfterFinished));
        await Scheduler.ReleaseAsync(Id, generation: null);
    }

    /// <summary>
    /// Tells every node of the current placement to stop the job's tasks; each frees its part of the
    /// allocation once the containers are gone, and removes them after <paramref name="removeAfter"/>.
    /// </summary>
    private async Task RetireAsync(DateTimeOffset removeAfter)
    {
        foreach (var node in Job.Allocation?.Tasks.Select(task => task.NodeId).Distinct() ?? [])
        {
            await GrainFactory.GetGrain<INodeGrain>(node).RetireJobAsync(Id, Job.Generation, removeAfter);
        }
    }

    public async Task NodeLostAsync(string nodeId)
    {
        if (!state.RecordExists || Job.State.IsFinished() || Job.Allocation?.Tasks.Any(task => task.NodeId == nodeId) != true)
        {
            return;
        }

        var reason = $"NodeLost: node {nodeId} stopped heartbeating";
        foreach (var task in Job.Tasks.Where(task => task.Node == nodeId && !task.State.IsFinished()))
        {
            task.State = TaskState.Lost;
            task.Reason = reason;
            task.FinishedAt = time.GetUtcNow();
            AddEvent("Lost", $"{task.Name} lost with node {nodeId}", task.Name, nodeId, "NodeLost");
        }

        if (Spec.RestartPolicy == RestartPolicy.Never)
        {
            await FinishAsync(JobState.Failed, $"{reason} and restartPolicy is Never");
            return;
        }

        await PlaceAgainAsync(reason);
    }

    /// <summary>
    /// A node loss moves tasks, and so changes the cluster spec every task was given: the job is
    /// placed again as a whole, as a new generation, once its current placement is released. Such
    /// a restart is the infrastructure's doing and does not count against backoffLimit.
    /// </summary>
    private async Task PlaceAgainAsync(string reason)
    {
        var now = time.GetUtcNow();
        await RetireAsync(now);
        var again = Job.Tasks.Where(task => task.State != TaskState.Succeeded).ToList();
        foreach (var task in again)
        {
            task.Attempt++;
            task.State = TaskState.Pending;
            task.ExitCode = null;
            task.FinishedAt = null;
            task.Node = null;
            task.Host = null;
            task.Port = null;
            task.GpuIndexes = [];
            task.GpuIds = [];
            task.NetworkInterface = null;
            task.NextAttemptAt = null;
        }

        Job.Generation++;
        Job.Allocation = null;
        Job.InfrastructureRestarts++;
        Job.State = JobState.Restarting;
        Job.Reason = $"{reason}; placing the job again";
        AddEvent("Restarting", Job.Reason, reason: "NodeLost");
        await SaveAsync();
        await EnqueueAsync(again);
    }

    private static string DescribeExit(TaskRecord task) => task.ExitCode is { } code
        ? $"{task.Name} exited with code {code}" + (task.Reason is { } reason ? $" ({reason})" : "")
        : $"{task.Name} {task.State}" + (task.Reason is { } why ? $": {why}" : "");

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}, finished {FinishedAt}, pruned with its logs")]
    private static partial void LogPruned(ILogger logger, string jobId, DateTimeOffset? finishedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished {State}: {Reason}")]
    private static partial void LogFinished(ILogger logger, string jobId, JobState state, string? reason);
}
