using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.ClusterSpec;
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
}
