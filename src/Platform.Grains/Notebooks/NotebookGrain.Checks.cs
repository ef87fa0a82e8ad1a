using Platform.Contracts.Nodes;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;

namespace Platform.Grains.Notebooks;

// The notebook's two checks: until Ready, does Jupyter answer; once Ready, is it idle.
public sealed partial class NotebookGrain
{
    /// <summary>Runs the check the current state needs, and only that one. Idempotent.</summary>
    private void ArmChecks()
    {
        var probing = Notebook.State == NotebookState.Starting && Notebook.RunningSince is not null && Notebook.Port is not null;
        var watching = Notebook.State == NotebookState.Ready;
        if (!probing)
        {
            _probe?.Dispose();
            _probe = null;
        }
        else if (_probe is null)
        {
            _probe = this.RegisterGrainTimer(ProbeAsync, new GrainTimerCreationOptions(TimeSpan.Zero, ProbePeriod) { KeepAlive = true });
        }

        if (!watching)
        {
            _watch?.Dispose();
            _watch = null;
        }
        else if (_watch is null)
        {
            _watch = this.RegisterGrainTimer(WatchAsync,
                new GrainTimerCreationOptions(Options.CheckInterval, Options.CheckInterval) { KeepAlive = true });
        }
    }

    private JupyterEndpoint Endpoint => new(Notebook.Host!, Notebook.Port!.Value, Id, Notebook.Token);

    /// <summary>Ready once Jupyter answers with the token; Failed when it has not within the readiness timeout.</summary>
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        if (Notebook.State != NotebookState.Starting || Notebook.RunningSince is not { } since)
        {
            return;
        }

        if (await jupyter.AnswersAsync(Endpoint))
        {
            var now = time.GetUtcNow();
            Notebook.State = NotebookState.Ready;
            Notebook.Reason = null;
            Notebook.ReadyAt = now;
            Notebook.LastActivity = now;
            _lastRequest = null;
            await SaveAsync();
            ArmChecks();
            LogReady(logger, Id, (now - since).TotalSeconds);
        }
        else if (time.GetUtcNow() - since > TimeSpan.FromSeconds(Options.ReadyTimeoutSeconds))
        {
            await EndAsync(NotebookState.Failed,
                $"Jupyter did not answer at {NotebookPaths.Of(Id, "api/status")} within {Options.ReadyTimeoutSeconds:0.#} s of its container starting");
        }
    }

    /// <summary>Asks the kernels, applies the idle rule, and culls the notebook when it is idle.</summary>
    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        if (Notebook.State != NotebookState.Ready || Notebook.ReadyAt is not { } readyAt)
        {
            return;
        }

        var kernels = await jupyter.KernelsAsync(Endpoint);
        var gpus = await GpuReadingsAsync();
        var now = time.GetUtcNow();
        _kernelsUnknownSince = kernels is null ? _kernelsUnknownSince ?? now : null;
        var signals = new ActivitySignals(readyAt, LastActivity(), kernels, NotebookIdleRule.RecentUtilisation(gpus, now), _kernelsUnknownSince);
        var last = NotebookIdleRule.LastActivity(signals, now);
        var timeout = Options.Minute * Notebook.Start!.IdleTimeoutMinutes;
        if (NotebookIdleRule.IsIdle(signals, now, timeout))
        {
            var minutes = Notebook.Start.IdleTimeoutMinutes;
            await EndAsync(NotebookState.Culled, $"idle for {minutes} minute{(minutes == 1 ? "" : "s")}");
        }
        else if (last != Notebook.LastActivity)
        {
            Notebook.LastActivity = last;
            await SaveAsync();
        }
    }

    /// <summary>The latest utilisation of the GPUs this notebook holds on its node; none where they cannot be read.</summary>
    private async Task<IReadOnlyList<GpuUtilisation?>> GpuReadingsAsync()
    {
        if (Notebook.Node is not { } node || Notebook.Gpus.Count == 0 ||
            await GrainFactory.GetGrain<INodeGrain>(node).GetViewAsync() is not { } view)
        {
            return [];
        }

        return [.. view.Gpus.Where(slot => slot.Holder?.JobId == Id).Select(slot => slot.Utilisation)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notebook {NotebookId} is Ready ({Seconds:F1} s after its container started)")]
    private static partial void LogReady(ILogger logger, string notebookId, double seconds);
}
