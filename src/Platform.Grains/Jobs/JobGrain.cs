using Microsoft.Extensions.Options;
using Platform.Contracts.Feed;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Notebooks;
using Platform.Contracts.Scheduling;
using Platform.Core.Jobs.ClusterSpec;
using Platform.Grains.Secrets;
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
    IOptions<RestartBackoffOptions> backoff,
    TeamSecretProtector secrets,
    AssignmentSealer sealer,
    TimeProvider time,
    ILogger<JobGrain> logger) : Grain, IJobGrain
{
    private readonly Dictionary<string, IGrainTimer> _restarts = [];
    private IGrainTimer? _deadline;

    private JobGrainState Job => state.State;

    private string Id => this.GetPrimaryKeyString();

    private JobSpec Spec => Job.Spec!;

    private ISchedulerGrain Scheduler => GrainFactory.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmDeadline();
        Job.Tasks.ForEach(ArmRestart);
        return Task.CompletedTask;
    }

    public async Task<JobSubmission> SubmitAsync(JobSpec spec, string? idempotencyKey = null, string? by = null)
    {
        var fingerprint = SpecFingerprint.Of(spec);
        if (state.RecordExists)
        {
            return idempotencyKey is not null && Job.IdempotencyKey == idempotencyKey && Job.SpecFingerprint == fingerprint
                ? new JobSubmission(SubmitOutcome.Replayed, View())
                : new JobSubmission(SubmitOutcome.Taken, null);
        }

        Job.IdempotencyKey = idempotencyKey;
        Job.SpecFingerprint = fingerprint;
        return new JobSubmission(SubmitOutcome.Created, await CreateAsync(spec, owner: null, by));
    }

    public async Task<JobView> SubmitOwnedAsync(JobSpec spec, JobOwner owner) =>
        state.RecordExists ? View() : await CreateAsync(spec, owner, by: null);

    private async Task<JobView> CreateAsync(JobSpec spec, JobOwner? owner, string? by)
    {
        Job.Owner = owner;
        Job.JobSecret = NewSealedJobSecret();
        var now = time.GetUtcNow();
        Job.Spec = spec;
        Job.State = JobState.Pending;
        Job.Reason = "Queued";
        Job.CreatedAt = now;
        Job.Tasks = [.. TaskNames.Expand(spec).Select(task => new TaskRecord
        {
            Name = TaskNames.Of(task.Type, task.Index), Type = task.Type, Index = task.Index, State = TaskState.Pending,
        })];
        AddEvent("Queued", $"Job submitted with {Job.Tasks.Count} tasks", by: by);
        await SaveAsync();

        await EnqueueAsync(Job.Tasks);
        return View();
    }

    public Task<JobView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    public Task<IReadOnlyList<JobEvent>> GetEventsAsync() => Task.FromResult<IReadOnlyList<JobEvent>>([.. Job.Events]);

    public Task<bool> CancelAsync(string? by = null) => StopAsync($"Cancelled by {by ?? "user"}", by);

    public Task<bool> StopAsync(string reason) => StopAsync(reason, by: null);

    private async Task<bool> StopAsync(string reason, string? by)
    {
        if (!state.RecordExists || Job.State.IsFinished())
        {
            return false;
        }

        await FinishAsync(JobState.Cancelled, reason, by);
        return true;
    }

    public async Task<bool> PruneAsync(DateTimeOffset finishedBefore)
    {
        // A notebook's job is its notebook's record: it goes with the notebook, not by the jobs' retention.
        if (!state.RecordExists || Job.Owner is not null || !Job.State.IsFinished() || Job.FinishedAt >= finishedBefore)
        {
            return false;
        }

        // Logs first: a crash in between leaves the job listed, and the next prune removes the rest.
        var finished = Job.FinishedAt;
        await GrainFactory.GetGrain<IJobLogGrain>(Id).DeleteAsync();
        await state.ClearStateAsync();
        LogPruned(logger, Id, finished);
        DeactivateOnIdle();
        return true;
    }

    public async Task PendingAsync(string reason)
    {
        if (!state.RecordExists || Job.Allocation is not null || Job.State is not (JobState.Pending or JobState.Restarting) || Job.Reason == reason)
        {
            return;
        }

        Job.Reason = reason;
        AddEvent("Pending", reason, reason: reason);
        await SaveAsync();
    }

    public async Task PlacedAsync(Allocation allocation)
    {
        if (!state.RecordExists || Job.State.IsFinished())
        {
            // Nothing of it was dispatched: the allocation can go at once.
            await Scheduler.ReleaseAsync(Id, allocation.Generation);
            return;
        }

        if (allocation.Generation != Job.Generation)
        {
            return;
        }

        if (Job.Allocation is null)
        {
            await RecordPlacementAsync(allocation);
        }

        await AssignAsync(Job.Tasks.Where(task => !task.State.IsFinished() && task.NextAttemptAt is null));
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

    /// <summary>Asks the scheduler to place these tasks (all of them at once) for the current generation.</summary>
    private async Task EnqueueAsync(IEnumerable<TaskRecord> tasks)
    {
        var request = new JobRequest(Id, Job.CreatedAt, Spec.Runtime,
            [.. tasks.Select(task => new TaskRequest(task.Name, Spec.Replicas[task.Type].Resources))], Job.Generation,
            Spec.Team ?? JobSpecDefaults.Team, Spec.PriorityClass, Spec.PriorityValue ?? 0);
        if (await Scheduler.EnqueueAsync(request) is { } reason)
        {
            await PendingAsync(reason);
        }
    }

    private async Task SaveAsync()
    {
        // The storage writes the job's index entry in the same transaction.
        await state.WriteStateAsync();
        if (Job.Owner is { } owner)
        {
            _ = GrainFactory.GetGrain<INotebookGrain>(owner.NotebookId).JobChangedAsync();
        }

        _ = GrainFactory.GetGrain<IJobFeedGrain>(IJobFeedGrain.Key).PublishJobAsync(View());
    }

    private void AddEvent(string type, string message, string? task = null, string? node = null, string? reason = null, string? by = null) =>
        Job.Events.Add(new JobEvent(time.GetUtcNow(), type, task, node, reason, message, by));

    private JobView View() => JobViews.Of(Id, Job);
}
