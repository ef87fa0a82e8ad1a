using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Finds the nodes a job that does not fit now will take, and when. Walking the known ends of the
/// jobs on the pool's nodes (start + activeDeadlineSeconds) in time order, the first moment the
/// job fits gives the nodes and the estimated start. When it does not fit by any known end, the
/// nodes with the most free, then the soonest known end, are reserved until they can hold it, with
/// no start estimate (some of what runs there has no deadline).
/// </summary>
internal static class ReservationPlanner
{
    /// <param name="job">The job, first in its pool among those that do not fit.</param>
    /// <param name="index">The pool's nodes as the plan has them so far.</param>
    /// <param name="holders">Every job holding resources in the pool, placements of this plan included.</param>
    /// <param name="taken">Nodes already reserved for other jobs.</param>
    /// <param name="now">The time of the plan.</param>
    /// <returns>The nodes in id order and the estimated start, or null when the job can never fit on the pool's nodes.</returns>
    public static (IReadOnlyList<NodeSlot> Nodes, DateTimeOffset? Start)? Reserve(
        QueuedJob job, PoolIndex index, IEnumerable<RunningJob> holders, IReadOnlyDictionary<string, DateTimeOffset> taken, DateTimeOffset now)
    {
        var request = job.Request;
        var eligible = index.Slots.Where(s => !s.Draining && s.Offers(request.Runtime) && !taken.ContainsKey(s.Id)).ToList();
        var free = eligible.ToDictionary(s => s.Id, s => s.Free, StringComparer.Ordinal);
        var soonest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var releases = new List<(DateTimeOffset End, string Node, ResourceAmount Amount)>();
        foreach (var holder in holders)
        {
            var end = holder.StoppingFor is null ? holder.EstimatedEnd : null;
            foreach (var task in holder.Allocation.Tasks.Where(t => free.ContainsKey(t.NodeId)))
            {
                if (end is { } known)
                {
                    releases.Add((known, task.NodeId, NodeSlot.Of(task)));
                    soonest[task.NodeId] = soonest.TryGetValue(task.NodeId, out var s) && s < known ? s : known;
                }
            }
        }

        releases.Sort((a, b) => a.End != b.End ? a.End.CompareTo(b.End) : string.CompareOrdinal(a.Node, b.Node));
        var need = ResourceAmount.Sum(request.Tasks.Select(t => ResourceAmount.Of(t.Resources)));
        var total = ResourceAmount.Sum(free.Values);
        var smallest = request.Tasks.Count == 0 ? 0 : request.Tasks.Min(t => t.Resources.Gpus);
        var room = smallest == 0 ? 0 : free.Values.Sum(f => f.Gpus / smallest);
        for (var i = 0; i < releases.Count;)
        {
            var end = releases[i].End;
            for (; i < releases.Count && releases[i].End == end; i++)
            {
                var (_, node, amount) = releases[i];
                var before = free[node];
                free[node] = before + amount;
                total += amount;
                room += smallest == 0 ? 0 : (free[node].Gpus / smallest) - (before.Gpus / smallest);
            }

            // The full packing runs only when the counts say it may succeed: once per moment at most, rarely in practice.
            if (need.FitsIn(total) && (smallest == 0 || room >= request.Tasks.Count)
                && Packing.FirstFitDecreasing(request, ByMostFree(eligible, free)) is { } nodes)
            {
                return (Sorted(nodes), end > now ? end : now);
            }
        }

        return Unestimated(request, eligible, soonest);
    }

    private static (IReadOnlyList<NodeSlot> Nodes, DateTimeOffset? Start)? Unestimated(
        JobRequest request, List<NodeSlot> eligible, Dictionary<string, DateTimeOffset> soonest)
    {
        var order = eligible
            .OrderByDescending(s => s.Free.Gpus)
            .ThenBy(s => soonest.TryGetValue(s.Id, out var end) ? end : DateTimeOffset.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var need = ResourceAmount.Sum(request.Tasks.Select(t => ResourceAmount.Of(t.Resources)));
        var capacity = default(ResourceAmount);
        for (var count = 1; count <= order.Count; count++)
        {
            capacity += order[count - 1].Capacity;
            if (!need.FitsIn(capacity))
            {
                continue;
            }

            var nodes = order.Take(count).ToList();
            if (Packing.FirstFitDecreasing(request, nodes.OrderByDescending(s => s.Capacity.Gpus).ThenBy(s => s.Id, StringComparer.Ordinal)
                    .Select(s => (s, s.Capacity))) is { } fits)
            {
                return (Sorted(fits), null);
            }
        }

        return null;
    }

    private static IEnumerable<(NodeSlot, ResourceAmount)> ByMostFree(List<NodeSlot> eligible, Dictionary<string, ResourceAmount> free) =>
        eligible.OrderByDescending(s => free[s.Id].Gpus).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => (s, free[s.Id]));

    private static List<NodeSlot> Sorted(IEnumerable<NodeSlot> nodes) => [.. nodes.OrderBy(s => s.Id, StringComparer.Ordinal)];
}
