using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Core.Scheduling;

/// <summary>
/// Places a whole job at once (gang): every task gets a node, a port and whole GPUs, or nothing
/// is placed and the result says why. A job's tasks go on as few nodes as fit: one node when any
/// can hold them all (best fit), otherwise first-fit-decreasing over the nodes.
/// </summary>
public static class GangPlacer
{
    /// <summary>Places <paramref name="job"/> on the ready <paramref name="nodes"/>.</summary>
    /// <param name="job">The job and its tasks.</param>
    /// <param name="nodes">The ready nodes; only those that offer the job's runtime are used.</param>
    /// <param name="existing">What is already allocated; it reduces the nodes' free capacity.</param>
    public static PlacementResult Place(
        JobRequest job, IReadOnlyList<NodeCapacity> nodes, IReadOnlyList<Allocation> existing)
    {
        var eligible = nodes.Where(n => n.Runtimes.Contains(job.Runtime, StringComparer.Ordinal)).ToList();
        if (eligible.Count == 0)
        {
            return PlacementResult.Waiting(PendingReasons.NoReadyNode(job.Runtime));
        }

        var chosen = OnOneNode(job, NodeFree.Of(eligible, existing));
        TaskRequest? unplaced = null;
        chosen ??= FirstFitDecreasing(job, NodeFree.Of(eligible, existing), out unplaced);
        if (chosen is null)
        {
            return PlacementResult.Waiting(
                PendingReasons.Explain(job, NodeFree.Of(eligible, existing), unplaced!));
        }

        return PlacementResult.Placed(Materialize(job, chosen, NodeFree.Of(eligible, existing)));
    }

    /// <summary>
    /// Places <paramref name="job"/> on the ready nodes that are not <paramref name="draining"/>: a
    /// draining (cordoned) node offers none of its capacity, and a job left waiting is told which
    /// nodes are draining.
    /// </summary>
    /// <param name="job">The job and its tasks.</param>
    /// <param name="nodes">The ready nodes, draining ones included.</param>
    /// <param name="existing">What is already allocated; it reduces the nodes' free capacity.</param>
    /// <param name="draining">The ids of the nodes nothing new may be placed on.</param>
    public static PlacementResult Place(
        JobRequest job, IReadOnlyList<NodeCapacity> nodes, IReadOnlyList<Allocation> existing, IReadOnlySet<string> draining)
    {
        var result = Place(job, [.. nodes.Where(n => !draining.Contains(n.NodeId))], existing);
        var cordoned = nodes
            .Where(n => draining.Contains(n.NodeId) && n.Runtimes.Contains(job.Runtime, StringComparer.Ordinal))
            .Select(n => n.NodeId)
            .Order(StringComparer.Ordinal)
            .ToList();
        return result.IsPlaced || cordoned.Count == 0
            ? result
            : PlacementResult.Waiting(PendingReasons.Draining(result.Reason!, cordoned));
    }

    /// <summary>The node that holds every task and leaves the least behind, or null.</summary>
    private static NodeCapacity[]? OnOneNode(JobRequest job, List<NodeFree> nodes)
    {
        var need = ResourceAmount.Sum(job.Tasks.Select(t => ResourceAmount.Of(t.Resources)));
        var best = nodes
            .Where(n => n.Fits(need))
            .OrderBy(n => n.Free.Gpus)
            .ThenBy(n => n.Free.MilliCpus)
            .ThenBy(n => n.Node.NodeId, StringComparer.Ordinal)
            .FirstOrDefault();
        return best is null ? null : [.. job.Tasks.Select(_ => best.Node)];
    }

    /// <summary>The node of each task (in job order), or null with the first task that fit nowhere.</summary>
    private static NodeCapacity[]? FirstFitDecreasing(
        JobRequest job, List<NodeFree> nodes, out TaskRequest? unplaced)
    {
        var bins = nodes
            .OrderByDescending(n => n.Free.Gpus)
            .ThenByDescending(n => n.Free.MilliCpus)
            .ThenBy(n => n.Node.NodeId, StringComparer.Ordinal)
            .ToList();
        var order = Enumerable.Range(0, job.Tasks.Count)
            .OrderByDescending(i => job.Tasks[i].Resources.Gpus)
            .ThenByDescending(i => job.Tasks[i].Resources.MemoryMb)
            .ThenByDescending(i => job.Tasks[i].Resources.Cpus)
            .ThenBy(i => job.Tasks[i].Name, StringComparer.Ordinal);
        var chosen = new NodeCapacity[job.Tasks.Count];
        foreach (var i in order)
        {
            var task = job.Tasks[i];
            var bin = bins.FirstOrDefault(b => b.Fits(ResourceAmount.Of(task.Resources)));
            if (bin is null)
            {
                unplaced = task;
                return null;
            }

            bin.Take(task);
            chosen[i] = bin.Node;
        }

        unplaced = null;
        return chosen;
    }

    /// <summary>
    /// Hands out ports and GPUs in job order once every task's node is known, so that on each
    /// node the job's first task gets the lowest port and GPU indexes.
    /// </summary>
    private static Allocation Materialize(JobRequest job, NodeCapacity[] chosen, List<NodeFree> nodes)
    {
        var byId = nodes.ToDictionary(n => n.Node.NodeId, StringComparer.Ordinal);
        var tasks = job.Tasks.Select((task, i) => byId[chosen[i].NodeId].Take(task)).ToList();
        return new Allocation(job.JobId, tasks);
    }
}
