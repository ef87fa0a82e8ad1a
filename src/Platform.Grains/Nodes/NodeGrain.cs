using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Agent;
using Platform.Grains.Secrets;
using Platform.Grains.Storage;

namespace Platform.Grains.Nodes;

/// <summary>
/// One worker machine. Holds the desired tasks its agent reconciles against (persisted, so a
/// restarted control plane still knows what runs where), watches the agent's heartbeat, and frees
/// a retired job's GPUs only once the agent shows none of its containers running: a GPU is never
/// handed to the next job while the last one is still stopping. A node that goes silent is Lost,
/// but silence does not prove its tasks stopped (the agent may be cut off, or the control plane
/// itself may have missed its heartbeats while a silo died): they are retired like any others and
/// hold their GPUs, and their jobs' next placements, until the agent shows them gone or stays
/// silent for a second LostAfter, when the machine is presumed dead. So a job never runs twice.
/// </summary>
public sealed partial class NodeGrain(
    [PersistentState("node", StorageNames.Platform)] IPersistentState<NodeGrainState> state,
    IOptions<NodeLivenessOptions> liveness,
    AssignmentSealer sealer,
    TimeProvider time,
    ILogger<NodeGrain> logger) : Grain, INodeGrain
{
    private IReadOnlyList<TaskObservation> _observed = [];
    private DateTimeOffset _lastHeartbeat;
    private IGrainTimer? _watch;

    private NodeGrainState Node => state.State;

    private string NodeId => this.GetPrimaryKeyString();

    private ISchedulerGrain Scheduler => GrainFactory.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A node not heard from since this activation gets the whole grace period from now.
        _lastHeartbeat = time.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task RegisterAsync(NodeCapacity capacity)
    {
        if (Node.Capacity != capacity)
        {
            Node.Capacity = capacity;
            await state.WriteStateAsync();
        }

        await HeardAsync();
        if (Node.Draining)
        {
            // Heals a drain the scheduler never heard of (the control plane stopped between the two writes).
            await Scheduler.SetDrainingAsync(NodeId, draining: true);
        }

        await Scheduler.RegisterNodeAsync(capacity);
    }

    public async Task<IReadOnlyList<TaskAssignment>> GetDesiredAsync()
    {
        await HeardAsync();
        var now = time.GetUtcNow();
        var expired = Node.Desired.Values.Where(assignment => assignment.Expired(now)).ToList();
        if (expired.Count > 0)
        {
            expired.ForEach(assignment => Node.Desired.Remove(assignment.Key));
            await state.WriteStateAsync();
        }

        return [.. Node.Desired.Values.Select(sealer.Open)];
    }

    public async Task HeartbeatAsync(IReadOnlyList<TaskObservation> observed)
    {
        await HeardAsync();
        _observed = observed;
        await ReleaseDrainedAsync();
    }

    public async Task AssignAsync(IReadOnlyList<TaskAssignment> assignments)
    {
        var changed = assignments.Where(assignment =>
            !Node.Desired.TryGetValue(assignment.Key, out var known) || known.Attempt != assignment.Attempt).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var assignment in changed)
        {
            // Stored with its secret environment encrypted: the state file never holds a secret in clear.
            Node.Desired[assignment.Key] = sealer.Seal(assignment);
        }

        await state.WriteStateAsync();
        var now = time.GetUtcNow();
        await Task.WhenAll(changed.SelectMany(assignment => assignment.GpuIndexes.Select(index =>
            Slot(index).HoldAsync(new GpuHolder(assignment.JobId, assignment.Task, now)))));
    }

    public async Task RetireJobAsync(string jobId, int generation, DateTimeOffset removeAfter)
    {
        // This generation and any older one: assignments stored before generations were set all carry 0.
        var retired = Node.Desired.Values
            .Where(assignment => assignment.JobId == jobId && assignment.Generation <= generation && !assignment.Stopped)
            .ToList();
        var key = RetiredJob.KeyOf(jobId, generation);
        if (retired.Count == 0 && Node.Retired.ContainsKey(key))
        {
            return;
        }

        Retire(jobId, generation, retired, removeAfter);
        await state.WriteStateAsync();
        if (retired.Count == 0)
        {
            // Nothing of it ever ran here: nothing to wait for.
            await ReleaseAsync(key);
        }
    }

    /// <summary>Marks the assignments stopped and records what they hold until their containers are gone.</summary>
    private void Retire(string jobId, int generation, IReadOnlyList<TaskAssignment> retired, DateTimeOffset removeAfter)
    {
        foreach (var assignment in retired)
        {
            Node.Desired[assignment.Key] = assignment with { Stopped = true, RemoveAfter = removeAfter };
        }

        Node.Retired[RetiredJob.KeyOf(jobId, generation)] = new RetiredJob(generation, [.. retired.SelectMany(assignment => assignment.GpuIndexes).Distinct()],
            time.GetUtcNow(), jobId, [.. retired.Select(assignment => ReconcilePlanner.AttemptKey(jobId, assignment.Task, assignment.Attempt))]);
    }

    public Task WatchAsync()
    {
        // A Lost node is watched until what it held is released.
        if (_watch is null && Node.Capacity is not null && (!Node.Lost || Node.Retired.Count > 0))
        {
            var period = TimeSpan.FromTicks(Math.Clamp(liveness.Value.LostAfter.Ticks / 4, TimeSpan.TicksPerMillisecond * 200, TimeSpan.TicksPerSecond * 5));
            _watch = this.RegisterGrainTimer(CheckHeartbeatAsync, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
        }

        return Task.CompletedTask;
    }

    public async Task<NodeView?> GetViewAsync()
    {
        if (Node.Capacity is not { } capacity)
        {
            return null;
        }

        var slots = await Task.WhenAll(capacity.Gpus.Select(async gpu => gpu.ToSlot(await Slot(gpu.Index).GetHolderAsync()) with
        {
            Utilisation = await Slot(gpu.Index).GetUtilisationAsync(),
        }));
        return new NodeView
        {
            Id = capacity.NodeId,
            Host = capacity.Host,
            State = Node.Lost ? NodeState.Lost : Node.Draining ? NodeState.Draining : NodeState.Ready,
            Cpus = capacity.Cpus,
            MemoryMb = capacity.MemoryMb,
            PortStart = capacity.PortStart,
            PortEnd = capacity.PortEnd,
            Runtimes = capacity.Runtimes,
            LastHeartbeat = _lastHeartbeat,
            Gpus = slots,
            Tasks = [.. Node.Desired.Values.Where(assignment => !assignment.Stopped).Select(assignment => assignment.Key).Order(StringComparer.Ordinal)],
            DrainedBy = Node.LastDrainChange is { Draining: true } drained ? drained.By : null,
            DrainedAt = Node.LastDrainChange is { Draining: true } drainedAt ? drainedAt.At : null,
            UndrainedBy = Node.LastDrainChange is { Draining: false } undrained ? undrained.By : null,
            UndrainedAt = Node.LastDrainChange is { Draining: false } undrainedAt ? undrainedAt.At : null,
        };
    }

    public Task<NodeView?> DrainAsync(string by) => SetDrainingAsync(draining: true, by);

    public Task<NodeView?> UndrainAsync(string by) => SetDrainingAsync(draining: false, by);

    public async Task ReportImagesAsync(IReadOnlyList<NodeImage> images)
    {
        if (!Node.Images.SequenceEqual(images))
        {
            Node.Images = [.. images];
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<NodeImage>> GetImagesAsync() => Task.FromResult<IReadOnlyList<NodeImage>>([.. Node.Images]);

    public Task ReportUtilisationAsync(IReadOnlyList<GpuUtilisation> utilisation) =>
        Task.WhenAll(utilisation.Where(gpu => Node.Capacity?.Gpus.Any(known => known.Index == gpu.Index) == true)
            .Select(gpu => Slot(gpu.Index).RecordUtilisationAsync(gpu)));

    private async Task<NodeView?> SetDrainingAsync(bool draining, string by)
    {
        if (Node.Capacity is null)
        {
            return null;
        }

        if (Node.Draining != draining)
        {
            Node.Draining = draining;
            Node.LastDrainChange = new DrainChange(draining, by, time.GetUtcNow());
            await state.WriteStateAsync();
            LogDrain(logger, NodeId, draining ? "drained" : "undrained", by);
        }

        // Told even when nothing changed here, so a repeated request repairs a scheduler that missed the first.
        await Scheduler.SetDrainingAsync(NodeId, draining);
        return await GetViewAsync();
    }

    /// <summary>The agent spoke: a Lost node is back (Ready, or Draining if it was drained), and the watch runs.</summary>
    private async Task HeardAsync()
    {
        _lastHeartbeat = time.GetUtcNow();
        if (Node.Lost && Node.Capacity is { } capacity)
        {
            Node.Lost = false;
            Node.LostAt = null;
            await state.WriteStateAsync();
            LogBack(logger, NodeId);
            await Scheduler.RegisterNodeAsync(capacity);
        }

        await WatchAsync();
    }

    private async Task CheckHeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Node.Lost)
        {
            await PresumeDeadAsync(now);
            return;
        }

        var silent = now - _lastHeartbeat;
        if (silent <= liveness.Value.LostAfter)
        {
            return;
        }

        LogLost(logger, NodeId, silent.TotalSeconds);
        var running = Node.Desired.Values.Where(assignment => !assignment.Stopped).ToList();
        foreach (var placement in running.GroupBy(assignment => (assignment.JobId, assignment.Generation)))
        {
            Retire(placement.Key.JobId, placement.Key.Generation, [.. placement], removeAfter: now);
        }

        Node.Lost = true;
        Node.LostAt = now;
        await state.WriteStateAsync();
        await Scheduler.NodeLostAsync(NodeId);
        foreach (var job in running.Select(assignment => assignment.JobId).Distinct())
        {
            _ = GrainFactory.GetGrain<IJobGrain>(job).NodeLostAsync(NodeId);
        }
    }

    /// <summary>
    /// A node silent for a second LostAfter after it was declared Lost is presumed dead, and with it
    /// every task it ran: what they held is released, and their jobs' new placements go ahead.
    /// </summary>
    private async Task PresumeDeadAsync(DateTimeOffset now)
    {
        if (now - (Node.LostAt ?? DateTimeOffset.MinValue) <= liveness.Value.LostAfter)
        {
            return;
        }

        foreach (var key in Node.Retired.Keys.ToList())
        {
            await ReleaseAsync(key);
        }

        _watch?.Dispose();
        _watch = null;
    }

    /// <summary>Frees what retired placements hold here once the agent, heard after the retirement, runs none of their containers.</summary>
    private async Task ReleaseDrainedAsync()
    {
        var drained = Node.Retired
            .Where(retired => retired.Value.At < _lastHeartbeat &&
                !_observed.Any(task => task.State is TaskState.Running or TaskState.Starting && retired.Value.Covers(retired.Key, task)))
            .Select(retired => retired.Key)
            .ToList();
        foreach (var key in drained)
        {
            await ReleaseAsync(key);
        }
    }

    private async Task ReleaseAsync(string key)
    {
        if (!Node.Retired.Remove(key, out var retired))
        {
            return;
        }

        await state.WriteStateAsync();
        var jobId = retired.JobId ?? key;
        // A job placed again on this node holds GPUs here under its new generation: those stay held.
        var stillHeld = Node.Desired.Values
            .Where(assignment => assignment.JobId == jobId && !assignment.Stopped)
            .SelectMany(assignment => assignment.GpuIndexes)
            .ToHashSet();
        await Task.WhenAll(retired.GpuIndexes.Where(index => !stillHeld.Contains(index)).Select(index => Slot(index).ReleaseAsync(jobId)));
        await Scheduler.ReleaseNodeAsync(jobId, retired.Generation, NodeId);
    }

    private IGpuSlotGrain Slot(int index) => GrainFactory.GetGrain<IGpuSlotGrain>(GpuSlotKey.Of(NodeId, index));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} is Lost: no heartbeat for {Seconds:F0} s")]
    private static partial void LogLost(ILogger logger, string nodeId, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} {Change} by {User}")]
    private static partial void LogDrain(ILogger logger, string nodeId, string change, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} is back")]
    private static partial void LogBack(ILogger logger, string nodeId);
}
