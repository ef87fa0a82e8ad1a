using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling;
using Platform.Grains.Storage;
using Platform.Grains.Telemetry;

namespace Platform.Grains.Scheduling;

/// <summary>
/// The single writer of allocations for one pool. Every allocation is written to storage before
/// its job hears of it, so a GPU is never handed out twice, even across a crash. Jobs are told
/// with one-way calls: the scheduler never waits on a job, so the two can never deadlock.
/// </summary>
public sealed class SchedulerGrain(
    [PersistentState("scheduler", StorageNames.Platform)] IPersistentState<SchedulerState> state,
    IOptions<SchedulingOptions> scheduling,
    TimeProvider time,
    ILogger<SchedulerGrain> logger) : Grain, ISchedulerGrain
{
    private readonly Dictionary<string, string> _lastReasons = [];
    private readonly PriorityClass _defaultClass = scheduling.Value.Policy().DefaultClass;

    private SchedulerState State => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Requests queued before classes existed run as the default class; they are written back with the next change.
        State.Queue = [.. State.Queue.Select(request => QueueOrder.Upgrade(request, _defaultClass))];
        return Task.CompletedTask;
    }

    public async Task RegisterNodeAsync(NodeCapacity node)
    {
        var back = State.Lost.Remove(node.NodeId);
        if (back || !State.Nodes.TryGetValue(node.NodeId, out var known) || !SameCapacity(known, node))
        {
            State.Nodes[node.NodeId] = node;
            await state.WriteStateAsync();
        }

        await PlaceQueuedAsync();
    }

    public async Task<string?> EnqueueAsync(JobRequest request)
    {
        request = QueueOrder.Upgrade(request, _defaultClass);
        if (State.Allocations.TryGetValue(request.JobId, out var held) && held.Generation >= request.Generation)
        {
            return null;
        }

        var queued = State.Queue.Find(candidate => candidate.JobId == request.JobId);
        if (queued is null || queued.Generation < request.Generation)
        {
            State.Queue.RemoveAll(candidate => candidate.JobId == request.JobId);
            State.Queue.Add(request);
            await state.WriteStateAsync();
        }

        await PlaceQueuedAsync();
        return _lastReasons.GetValueOrDefault(request.JobId);
    }

    public async Task ReleaseAsync(string jobId, int? generation)
    {
        var removed = State.Queue.RemoveAll(queued => queued.JobId == jobId) > 0;
        if (generation is not null && State.Allocations.TryGetValue(jobId, out var held) && held.Generation == generation)
        {
            removed |= State.Allocations.Remove(jobId);
        }

        _lastReasons.Remove(jobId);
        if (removed)
        {
            await state.WriteStateAsync();
            await PlaceQueuedAsync();
        }
    }

    public async Task ReleaseNodeAsync(string jobId, int generation, string nodeId)
    {
        if (State.Allocations.TryGetValue(jobId, out var held) && held.Generation == generation &&
            held.Tasks.Any(task => task.NodeId == nodeId))
        {
            Keep(held with { Tasks = [.. held.Tasks.Where(task => task.NodeId != nodeId)] });
            await state.WriteStateAsync();
            await PlaceQueuedAsync();
        }
    }

    /// <summary>
    /// Nothing new goes on a Lost node. What it held stays allocated until the node releases it
    /// (its agent shows the tasks gone, or it stays silent long enough to be presumed dead): the
    /// tasks may still run, so their jobs are not placed again before that.
    /// </summary>
    public async Task NodeLostAsync(string nodeId)
    {
        if (State.Lost.Add(nodeId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task SetDrainingAsync(string nodeId, bool draining)
    {
        if (draining ? State.Draining.Add(nodeId) : State.Draining.Remove(nodeId))
        {
            await state.WriteStateAsync();
        }

        await PlaceQueuedAsync();
    }

    public Task<IReadOnlyList<NodeCapacity>> GetNodesAsync() =>
        Task.FromResult<IReadOnlyList<NodeCapacity>>([.. State.Nodes.Values.OrderBy(node => node.NodeId, StringComparer.Ordinal)]);

    public Task<QueueView> GetQueueAsync() => Task.FromResult(QueueOrder.View(State.Queue));

    public async Task ResumeAsync()
    {
        foreach (var allocation in State.Allocations.Values)
        {
            _ = GrainFactory.GetGrain<IJobGrain>(allocation.JobId).PlacedAsync(allocation);
        }

        foreach (var node in State.Nodes.Keys)
        {
            _ = GrainFactory.GetGrain<INodeGrain>(node).WatchAsync();
        }

        await PlaceQueuedAsync();
    }

    private async Task PlaceQueuedAsync()
    {
        if (State.Queue.Count == 0)
        {
            return;
        }

        var startedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var placed = new List<Allocation>();
        var nodes = State.Nodes.Values.Where(node => !State.Lost.Contains(node.NodeId)).ToList();
        foreach (var request in QueueOrder.Sort(State.Queue))
        {
            if (State.Allocations.ContainsKey(request.JobId))
            {
                // Placed again after a node loss: waits until the previous placement is released.
                continue;
            }

            var result = GangPlacer.Place(request, nodes, [.. State.Allocations.Values], State.Draining);
            if (result.Allocation is { } found)
            {
                var allocation = found with { Generation = request.Generation };
                State.Allocations[request.JobId] = allocation;
                State.Queue.Remove(request);
                _lastReasons.Remove(request.JobId);
                placed.Add(allocation);
                if (request.Generation == 0)
                {
                    PlatformMetrics.JobWait.Record(Math.Max(0, (time.GetUtcNow() - request.SubmittedAt).TotalSeconds));
                }
            }
            else if (_lastReasons.GetValueOrDefault(request.JobId) != result.Reason)
            {
                _lastReasons[request.JobId] = result.Reason!;
                _ = GrainFactory.GetGrain<IJobGrain>(request.JobId).PendingAsync(result.Reason!);
            }
        }

        PlatformMetrics.RecordSchedulingPass(startedAt);
        if (placed.Count == 0)
        {
            return;
        }

        await state.WriteStateAsync();
        foreach (var allocation in placed)
        {
            logger.LogInformation("Placed job {JobId} on {Nodes}", allocation.JobId,
                string.Join(", ", allocation.Tasks.Select(task => task.NodeId).Distinct()));
            _ = GrainFactory.GetGrain<IJobGrain>(allocation.JobId).PlacedAsync(allocation);
        }
    }

    /// <summary>Keeps what is left of an allocation; one that holds nothing any more is gone.</summary>
    private void Keep(Allocation allocation)
    {
        if (allocation.Tasks.Count == 0)
        {
            State.Allocations.Remove(allocation.JobId);
        }
        else
        {
            State.Allocations[allocation.JobId] = allocation;
        }
    }

    private static bool SameCapacity(NodeCapacity a, NodeCapacity b) =>
        a.Host == b.Host && a.Cpus.Equals(b.Cpus) && a.MemoryMb == b.MemoryMb && a.PortStart == b.PortStart &&
        a.PortEnd == b.PortEnd && a.Gpus.SequenceEqual(b.Gpus) && a.Runtimes.SequenceEqual(b.Runtimes) &&
        a.NetworkInterface == b.NetworkInterface;
}
