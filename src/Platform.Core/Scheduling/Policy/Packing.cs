using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>First-fit-decreasing of a job's tasks over nodes given with what each has free, by counts only.</summary>
internal static class Packing
{
    /// <summary>The nodes the tasks take, or null when some task fits nowhere.</summary>
    /// <param name="job">The job.</param>
    /// <param name="bins">The nodes, in the order to try them, each with what it has free.</param>
    public static List<NodeSlot>? FirstFitDecreasing(JobRequest job, IEnumerable<(NodeSlot Slot, ResourceAmount Free)> bins)
    {
        using var next = bins.GetEnumerator();
        var open = new List<(NodeSlot Slot, ResourceAmount Left, bool Used)>();
        foreach (var task in Decreasing(job))
        {
            var need = ResourceAmount.Of(task.Resources);
            var at = open.FindIndex(b => need.FitsIn(b.Left));
            while (at < 0 && next.MoveNext())
            {
                open.Add((next.Current.Slot, next.Current.Free, false));
                at = need.FitsIn(next.Current.Free) ? open.Count - 1 : -1;
            }

            if (at < 0)
            {
                return null;
            }

            open[at] = (open[at].Slot, NodeSlot.Minus(open[at].Left, need), true);
        }

        return [.. open.Where(b => b.Used).Select(b => b.Slot)];
    }

    /// <summary>The tasks in the order <see cref="GangPlacer"/> packs them: most GPUs, then memory, then CPUs, then name.</summary>
    public static IEnumerable<Platform.Contracts.Scheduling.TaskRequest> Decreasing(JobRequest job) => job.Tasks
        .OrderByDescending(t => t.Resources.Gpus).ThenByDescending(t => t.Resources.MemoryMb)
        .ThenByDescending(t => t.Resources.Cpus).ThenBy(t => t.Name, StringComparer.Ordinal);
}
