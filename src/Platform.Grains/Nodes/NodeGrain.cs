using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Grains.Storage;

namespace Platform.Grains.Nodes;

/// <summary>
/// One worker machine. Holds the desired tasks its agent reconciles against (persisted, so a
/// restarted control plane still knows what runs where) and what the agent last observed.
/// </summary>
public sealed class NodeGrain(
    [PersistentState("node", StorageNames.Platform)] IPersistentState<NodeGrainState> state,
    TimeProvider time) : Grain, INodeGrain
{
    private IReadOnlyList<TaskObservation> _observed = [];
    private DateTimeOffset? _lastHeartbeat;

    private NodeGrainState Node => state.State;

    public async Task RegisterAsync(NodeCapacity capacity)
    {
        _lastHeartbeat = time.GetUtcNow();
        if (Node.Capacity != capacity)
        {
            Node.Capacity = capacity;
            await state.WriteStateAsync();
        }

        await GrainFactory.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).RegisterNodeAsync(capacity);
    }

    public async Task<IReadOnlyList<TaskAssignment>> GetDesiredAsync()
    {
        var now = time.GetUtcNow();
        _lastHeartbeat = now;
        var expired = Node.Desired.Values.Where(assignment => assignment.Expired(now)).ToList();
        if (expired.Count > 0)
        {
            expired.ForEach(assignment => Node.Desired.Remove(assignment.Key));
            await state.WriteStateAsync();
        }

        return [.. Node.Desired.Values];
    }

    public Task HeartbeatAsync(IReadOnlyList<TaskObservation> observed)
    {
        _lastHeartbeat = time.GetUtcNow();
        _observed = observed;
        return Task.CompletedTask;
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
            Node.Desired[assignment.Key] = assignment;
        }

        await state.WriteStateAsync();
        var now = time.GetUtcNow();
        await Task.WhenAll(changed.SelectMany(assignment => assignment.GpuIndexes.Select(index =>
            Slot(index).HoldAsync(new GpuHolder(assignment.JobId, assignment.Task, now)))));
    }

    public async Task UnassignJobAsync(string jobId)
    {
        var removed = Node.Desired.Values.Where(assignment => assignment.JobId == jobId).ToList();
        if (removed.Count == 0)
        {
            return;
        }

        foreach (var assignment in removed)
        {
            Node.Desired.Remove(assignment.Key);
        }

        await state.WriteStateAsync();
        await Task.WhenAll(removed.SelectMany(assignment => assignment.GpuIndexes).Distinct()
            .Select(index => Slot(index).ReleaseAsync(jobId)));
    }

    public async Task RetireJobAsync(string jobId, DateTimeOffset removeAfter)
    {
        var retired = Node.Desired.Values.Where(assignment => assignment.JobId == jobId && !assignment.Stopped).ToList();
        if (retired.Count == 0)
        {
            return;
        }

        foreach (var assignment in retired)
        {
            Node.Desired[assignment.Key] = assignment with { Stopped = true, RemoveAfter = removeAfter };
        }

        await state.WriteStateAsync();
        await Task.WhenAll(retired.SelectMany(assignment => assignment.GpuIndexes).Distinct()
            .Select(index => Slot(index).ReleaseAsync(jobId)));
    }

    public async Task<NodeView?> GetViewAsync()
    {
        if (Node.Capacity is not { } capacity)
        {
            return null;
        }

        var slots = await Task.WhenAll(capacity.Gpus.Select(async gpu => gpu.ToSlot(await Slot(gpu.Index).GetHolderAsync())));
        return new NodeView
        {
            Id = capacity.NodeId,
            Host = capacity.Host,
            State = NodeState.Ready,
            Cpus = capacity.Cpus,
            MemoryMb = capacity.MemoryMb,
            PortStart = capacity.PortStart,
            PortEnd = capacity.PortEnd,
            Runtimes = capacity.Runtimes,
            LastHeartbeat = _lastHeartbeat,
            Gpus = slots,
            Tasks = [.. Node.Desired.Keys.Order(StringComparer.Ordinal)],
        };
    }

    private IGpuSlotGrain Slot(int index) =>
        GrainFactory.GetGrain<IGpuSlotGrain>(GpuSlotKey.Of(this.GetPrimaryKeyString(), index));
}
