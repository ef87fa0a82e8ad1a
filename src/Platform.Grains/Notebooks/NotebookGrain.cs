using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Contracts.Feed;
using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;
using Platform.Grains.Storage;

namespace Platform.Grains.Notebooks;

/// <summary>
/// One notebook. Its Jupyter runs as a one-task job the grain owns (placement, GPUs, the agent and
/// the release of GPUs are the job's); the grain owns what is the notebook's own: the token, the
/// readiness check, the URL, the last activity and idle culling. The checks are grain timers, so
/// each notebook is checked by exactly one activation however many gateways proxy to it.
/// </summary>
public sealed partial class NotebookGrain(
    [PersistentState("notebook", StorageNames.Platform)] IPersistentState<NotebookGrainState> state,
    JupyterClient jupyter,
    IOptions<NotebookOptions> options,
    TimeProvider time,
    ILogger<NotebookGrain> logger) : Grain, INotebookGrain
{
    private static readonly TimeSpan ProbePeriod = TimeSpan.FromMilliseconds(500);

    private DateTimeOffset? _lastRequest;
    private DateTimeOffset? _kernelsUnknownSince;
    private IGrainTimer? _probe;
    private IGrainTimer? _watch;

    private NotebookGrainState Notebook => state.State;

    private string Id => this.GetPrimaryKeyString();

    private IJobGrain Job => GrainFactory.GetGrain<IJobGrain>(Id);

    private NotebookOptions Options => options.Value;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmChecks();
        return Task.CompletedTask;
    }

    public async Task<NotebookView> StartAsync(NotebookStart start)
    {
        if (state.RecordExists)
        {
            return View();
        }

        Notebook.Start = start;
        Notebook.Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        Notebook.State = NotebookState.Pending;
        Notebook.Reason = "Queued";
        Notebook.CreatedAt = time.GetUtcNow();
        await SaveAsync();

        var spec = NotebookJob.SpecFor(Id, start, Options.StopGraceSeconds);
        await Job.SubmitOwnedAsync(spec, new JobOwner
        {
            NotebookId = Id, SecretEnv = NotebookJob.SecretEnv(Notebook.Token), Volumes = NotebookJob.Volumes(start),
        });
        LogStarted(logger, Id, start.Image, start.Gpus);
        await FollowJobAsync();
        return View();
    }

    public Task<NotebookView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    public async Task<bool> StopAsync()
    {
        if (!state.RecordExists || Notebook.State.IsFinished())
        {
            return false;
        }

        await EndAsync(NotebookState.Stopped, "Stopped by user");
        return true;
    }

    public Task<NotebookRoute?> GetRouteAsync() => Task.FromResult(state.RecordExists
        ? new NotebookRoute(Id, Notebook.State, Notebook.Reason, Notebook.Host, Notebook.Port, Notebook.Token, Notebook.Start!.User)
        : null);

    public Task ActivityAsync(DateTimeOffset at)
    {
        if (_lastRequest is null || at > _lastRequest)
        {
            _lastRequest = at;
        }

        return Task.CompletedTask;
    }

    public Task JobChangedAsync() => FollowJobAsync();

    public Task WakeAsync() => FollowJobAsync();

    /// <summary>Reads the job again and takes from it what it says about the notebook: pending, starting, or ended.</summary>
    private async Task FollowJobAsync()
    {
        if (!state.RecordExists || Notebook.State.IsFinished() || await Job.GetAsync() is not { } job)
        {
            return;
        }

        var phase = NotebookPhase.Of(job);
        var task = job.Tasks.FirstOrDefault();
        var changed = Place(task);
        if (phase.State.IsFinished())
        {
            await FinishAsync(phase.State, phase.Reason);
            return;
        }

        var keepReady = Notebook.State == NotebookState.Ready && !changed && task?.State == TaskState.Running;
        if (!keepReady && (Notebook.State != phase.State || Notebook.Reason != phase.Reason))
        {
            Notebook.State = phase.State;
            Notebook.Reason = phase.Reason;
            changed = true;
        }

        if (task?.State == TaskState.Running && Notebook.RunningSince is null)
        {
            Notebook.RunningSince = time.GetUtcNow();
            changed = true;
        }

        if (changed)
        {
            await SaveAsync();
        }

        ArmChecks();
    }

    /// <summary>Takes the task's node, address and GPUs; true when any changed (a new container must answer again).</summary>
    private bool Place(TaskView? task)
    {
        if (task is null || (task.Node == Notebook.Node && task.Host == Notebook.Host && task.Port == Notebook.Port &&
            task.ContainerId == Notebook.ContainerId))
        {
            return false;
        }

        Notebook.Node = task.Node;
        Notebook.Host = task.Host;
        Notebook.Port = task.Port;
        Notebook.Gpus = [.. task.Gpus];
        Notebook.ContainerId = task.ContainerId;
        Notebook.RunningSince = null;
        return true;
    }

    /// <summary>Stops the job (its GPUs are freed once the container is gone), then records why the notebook ended.</summary>
    private async Task EndAsync(NotebookState final, string reason)
    {
        await Job.StopAsync(reason);
        await FinishAsync(final, reason);
    }

    private async Task FinishAsync(NotebookState final, string? reason)
    {
        Notebook.State = final;
        Notebook.Reason = reason;
        Notebook.FinishedAt = time.GetUtcNow();
        Notebook.LastActivity = LastActivity();
        await SaveAsync();
        ArmChecks();
        LogFinished(logger, Id, final, reason);
    }

    private async Task SaveAsync()
    {
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<INotebookIndexGrain>(INotebookIndexGrain.Key)
            .UpsertAsync(new NotebookSummary(Id, Notebook.State, Notebook.CreatedAt, Notebook.Start?.User));
        _ = GrainFactory.GetGrain<IJobFeedGrain>(IJobFeedGrain.Key).PublishNotebookAsync(View());
    }

    /// <summary>The stored last activity, or a proxied request seen since; none before the notebook was first Ready.</summary>
    private DateTimeOffset? LastActivity()
    {
        if (Notebook.ReadyAt is null)
        {
            return null;
        }

        var stored = Notebook.LastActivity ?? Notebook.ReadyAt;
        return _lastRequest > stored ? _lastRequest : stored;
    }

    private NotebookView View() => new()
    {
        Id = Id,
        State = Notebook.State,
        Reason = Notebook.Reason,
        Url = Notebook.State == NotebookState.Ready ? NotebookPaths.BaseOf(Id) : null,
        Node = Notebook.Node,
        Gpus = Notebook.State.IsFinished() ? [] : [.. Notebook.Gpus],
        LastActivity = LastActivity(),
        CreatedAt = Notebook.CreatedAt,
        Image = Notebook.Start!.Image,
        IdleTimeoutMinutes = Notebook.Start.IdleTimeoutMinutes,
        User = Notebook.Start.User,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Notebook {NotebookId} queued: image {Image}, {Gpus} GPUs")]
    private static partial void LogStarted(ILogger logger, string notebookId, string image, int gpus);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notebook {NotebookId} is {State}: {Reason}")]
    private static partial void LogFinished(ILogger logger, string notebookId, NotebookState state, string? reason);
}
