using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Telemetry;

namespace Platform.Gateway.Telemetry;

/// <summary>
/// Reads the cluster's state for the gauges from the grains (the job index, the scheduler, the
/// nodes), so it works alike in the embedded gateway and in a gateway of cluster mode (an Orleans
/// client). A read is reused for <see cref="MetricsOptions.SnapshotMaxAge"/>: scrapes of several
/// Prometheus servers cost one read.
/// </summary>
public sealed class ClusterSnapshotSource(IGrainFactory grains, TimeProvider time)
{
    private readonly SemaphoreSlim _reading = new(1, 1);

    /// <summary>The latest read; <see cref="ClusterSnapshot.Empty"/> before the first.</summary>
    public ClusterSnapshot Current { get; private set; } = ClusterSnapshot.Empty;

    /// <summary>Reads the cluster again unless the current read is younger than <see cref="MetricsOptions.SnapshotMaxAge"/>.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (Fresh())
        {
            return;
        }

        await _reading.WaitAsync(cancellationToken);
        try
        {
            // Another scrape may have read it while this one waited.
            if (!Fresh())
            {
                Current = await ReadAsync();
            }
        }
        finally
        {
            _reading.Release();
        }
    }

    private bool Fresh() => time.GetUtcNow() - Current.TakenAt < MetricsOptions.SnapshotMaxAge;

    private async Task<ClusterSnapshot> ReadAsync()
    {
        var scheduler = grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool);
        var counts = grains.GetGrain<IJobIndexGrain>(GrainKeys.JobIndex).CountByStateAsync();
        var queue = scheduler.GetQueueAsync();
        var nodes = await scheduler.GetNodesAsync();
        var views = await Task.WhenAll(nodes.Select(node => grains.GetGrain<INodeGrain>(node.NodeId).GetViewAsync()));
        return new ClusterSnapshot(
            await counts,
            [.. (await queue).Pending.Select(request => request.SubmittedAt)],
            [.. views.OfType<NodeView>().Select(Reading)],
            time.GetUtcNow());
    }

    private static NodeReading Reading(NodeView node)
    {
        var held = node.Gpus.Count(gpu => gpu.Holder is not null);
        return new NodeReading(node.Id, held, node.Gpus.Count - held, node.LastHeartbeat);
    }
}
