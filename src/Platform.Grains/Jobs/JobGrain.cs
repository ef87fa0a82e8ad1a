using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.ClusterSpec;
using Platform.Core.Jobs.Lifecycle;
using Platform.Grains.Storage;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Grains.Jobs;

/// <summary>
/// Owns one job: its spec, its state machine, the tasks and their attempts, and the timeline.
/// Decisions (restart, success, environment) are made by the plain classes of Platform.Core;
/// this grain records them and tells the nodes.
/// </summary>
public sealed partial class JobGrain(
    [PersistentState("job", StorageNames.Platform)] IPersistentState<JobGrainState> state,
    TimeProvider time,
    ILogger<JobGrain> logger) : Grain, IJobGrain
{
    private IGrainTimer? _deadline;

    private JobGrainState Job => state.State;

    private string Id => this.GetPrimaryKeyString();

    private JobSpec Spec => Job.Spec!;

    private ISchedulerGrain Scheduler => GrainFactory.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmDeadline();
        return Task.CompletedTask;
    }

    public async Task<JobView> SubmitAsync(JobSpec spec)
    {
        if (state.RecordExists)
        {
            return View();
        }

        var now = time.GetUtcNow();
        Job.Spec = spec;
        Job.State = JobState.Pending;
        Job.Reason = "Queued";
        Job.CreatedAt = now;
        Job.Tasks = [.. TaskNames.Expand(spec).Select(task => new TaskRecord
        {
            Name = TaskNames.Of(task.Type, task.Index), Type = task.Type, Index = task.Index, State = TaskState.Pending,
        })];
        AddEvent("Queued", $"Job submitted with {Job.Tasks.Count} tasks");
        await SaveAsync();

        var request = new JobRequest(Id, spec.Priority, now, spec.Runtime,
            [.. TaskNames.Expand(spec).Select(task => new TaskRequest(TaskNames.Of(task.Type, task.Index), task.Group.Resources))]);
        var reason = await Scheduler.EnqueueAsync(request);
        if (reason is not null)
        {
            await PendingAsync(reason);
        }

        return View();
    }

    public Task<JobView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<JobEvent>>([.. Job.Events]);

    public async Task<bool> CancelAsync()
    {
        if (!state.RecordExists || Job.State.IsFinished())
        {
            return false;
        }

        await FinishAsync(JobState.Cancelled, "Cancelled by user");
        return true;
    }

    public async Task PendingAsync(string reason)
    {
        if (!state.RecordExists || Job.State != JobState.Pending || Job.Reason == reason)
        {
            return;
        }

        Job.Reason = reason;
        AddEvent("Pending", reason, reason: reason);
        await state.WriteStateAsync();
    }

    public async Task PlacedAsync(Allocation allocation)
    {
        if (!state.RecordExists || Job.State.IsFinished())
        {
            await Scheduler.ReleaseAsync(Id);
            return;
        }

        if (Job.Allocation is null)
        {
            await RecordPlacementAsync(allocation);
        }

        await AssignAsync(Job.Tasks);
    }

    public async Task ReportAsync(TaskObservation observation)
    {
        var task = Job.Tasks.Find(candidate => candidate.Name == observation.Task);
        if (task is null || task.Attempt != observation.Attempt)
        {
            return;
        }

        if (Job.State.IsFinished())
        {
            await LateExitAsync(task, observation);
            return;
        }

        if (task.State.IsFinished())
        {
            return;
        }

        if (observation.State is TaskState.Running or TaskState.Starting)
        {
            await TaskRunningAsync(task, observation);
        }
        else if (observation.State.IsFinished())
        {
            await TaskFinishedAsync(task, observation);
        }
    }

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
        await state.WriteStateAsync();
    }

    private async Task RecordPlacementAsync(Allocation allocation)
    {
        var nodes = (await Scheduler.GetNodesAsync()).ToDictionary(node => node.NodeId);
        foreach (var placement in allocation.Tasks)
        {
            var task = Job.Tasks.Single(candidate => candidate.Name == placement.Task);
            task.Node = placement.NodeId;
            task.Host = placement.Host;
            task.Port = placement.Port;
            task.GpuIndexes = [.. placement.GpuIndexes];
            task.GpuIds = [.. placement.GpuIndexes.Select(index => GpuId(nodes.GetValueOrDefault(placement.NodeId), index))];
            task.State = TaskState.Starting;
        }

        Job.Allocation = allocation;
        Job.State = JobState.Running;
        Job.Reason = null;
        Job.StartedAt ??= time.GetUtcNow();
        foreach (var onNode in Job.Tasks.GroupBy(task => task.Node))
        {
            var gpus = onNode.SelectMany(task => task.GpuIds).ToList();
            AddEvent("Placed",
                $"Placed {string.Join(", ", onNode.Select(task => task.Name))} on node {onNode.Key}" +
                (gpus.Count > 0 ? $" with GPUs {string.Join(",", gpus)}" : ""),
                node: onNode.Key);
        }

        await SaveAsync();
        ArmDeadline();
    }

    /// <summary>
    /// activeDeadlineSeconds counts from the moment the job first ran. The timer keeps the grain
    /// active; after a restart the scheduler's resume activates the job, which arms it again.
    /// </summary>
    private void ArmDeadline()
    {
        if (_deadline is not null || Job.Spec?.ActiveDeadlineSeconds is not { } seconds || Job.StartedAt is not { } started ||
            Job.State.IsFinished())
        {
            return;
        }

        var due = started.AddSeconds(seconds) - time.GetUtcNow();
        _deadline = this.RegisterGrainTimer(
            _ => OnDeadlineAsync(seconds),
            new GrainTimerCreationOptions(due < TimeSpan.Zero ? TimeSpan.Zero : due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
    }

    private async Task OnDeadlineAsync(long seconds)
    {
        if (!Job.State.IsFinished())
        {
            await FinishAsync(JobState.Failed, $"DeadlineExceeded: the job ran longer than activeDeadlineSeconds ({seconds} s)");
        }
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
            await FinishAsync(JobState.Failed, task.ExitCode is null ? $"{task.Name} failed: {task.Reason ?? task.State.ToString()}" : decision.FailureReason);
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

    private async Task RestartAsync(TaskRecord task)
    {
        task.Attempt++;
        task.Restarts++;
        task.State = TaskState.Pending;
        task.ExitCode = null;
        task.FinishedAt = null;
        Job.Restarts++;
        Job.State = JobState.Restarting;
        Job.Reason = $"Restarting {task.Name} ({Job.Restarts} of {Spec.BackoffLimit} restarts used)";
        AddEvent("Restarting", Job.Reason, task.Name, task.Node);
        await SaveAsync();
        await AssignAsync([task]);
    }

    private async Task FinishAsync(JobState final, string? reason)
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

        AddEvent(final.ToString(), reason ?? $"Job {final}", reason: reason);
        _deadline?.Dispose();
        await SaveAsync();
        LogFinished(logger, Id, final, reason);

        foreach (var node in Job.Tasks.Select(task => task.Node).OfType<string>().Distinct().Select(node => GrainFactory.GetGrain<INodeGrain>(node)))
        {
            await (Spec.TtlSecondsAfterFinished == 0
                ? node.UnassignJobAsync(Id)
                : node.RetireJobAsync(Id, now.AddSeconds(Spec.TtlSecondsAfterFinished)));
        }

        await Scheduler.ReleaseAsync(Id);
    }

    private async Task AssignAsync(IEnumerable<TaskRecord> tasks)
    {
        var placed = Job.Tasks
            .Where(task => task.Host is not null)
            .Select(task => new PlacedTask(task.Type, task.Index, task.Host!, task.Port!.Value, task.GpuIds))
            .ToList();
        foreach (var onNode in tasks.Where(task => task.Node is not null).GroupBy(task => task.Node!))
        {
            var assignments = onNode.Select(task => Assignment(task, placed)).ToList();
            await GrainFactory.GetGrain<INodeGrain>(onNode.Key).AssignAsync(assignments);
        }
    }

    private TaskAssignment Assignment(TaskRecord task, IReadOnlyList<PlacedTask> placed) => new()
    {
        JobId = Id,
        Task = task.Name,
        Attempt = task.Attempt,
        Runtime = Spec.Runtime,
        Image = GroupDefaults.ImageOf(Spec, task.Type),
        Command = GroupDefaults.CommandOf(Spec, task.Type),
        Env = TaskEnvironment.Build(Id, Spec, placed, placed.Single(p => p.Type == task.Type && p.Index == task.Index)),
        Resources = Spec.Replicas[task.Type].Resources,
        GpuIndexes = [.. task.GpuIndexes],
        Port = task.Port!.Value,
        TerminationGracePeriodSeconds = Spec.TerminationGracePeriodSeconds,
    };

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex)
            .UpsertAsync(new JobSummary(Id, Spec.Name, Spec.Team, Job.State, Job.CreatedAt));
    }

    private void AddEvent(string type, string message, string? task = null, string? node = null, string? reason = null) =>
        Job.Events.Add(new JobEvent(time.GetUtcNow(), type, task, node, reason, message));

    private JobView View() => new()
    {
        Id = Id,
        Name = Spec.Name,
        Team = Spec.Team,
        State = Job.State,
        Reason = Job.Reason,
        CreatedAt = Job.CreatedAt,
        StartedAt = Job.StartedAt,
        FinishedAt = Job.FinishedAt,
        Restarts = Job.Restarts,
        Spec = Spec,
        Tasks = [.. Job.Tasks.Select(task => task.ToView())],
    };

    private static string DescribeExit(TaskRecord task) => task.ExitCode is { } code
        ? $"{task.Name} exited with code {code}" + (task.Reason is { } reason ? $" ({reason})" : "")
        : $"{task.Name} {task.State}" + (task.Reason is { } why ? $": {why}" : "");

    private static string GpuId(NodeCapacity? node, int index) =>
        node?.Gpus.FirstOrDefault(gpu => gpu.Index == index)?.Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} finished {State}: {Reason}")]
    private static partial void LogFinished(ILogger logger, string jobId, JobState state, string? reason);
}
