using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// The free capacity of one pool's nodes during a plan, bucketed by free GPUs so that a job is
/// matched against the few nodes that can take it instead of every node. Nodes are chosen the way
/// <see cref="GangPlacer"/> chooses them (one node, best fit by GPUs, when one holds the whole job;
/// else first-fit-decreasing over the nodes with the most free GPUs), then the
/// <see cref="GangPlacer"/> hands out ports and GPU indexes on just those nodes.
/// </summary>
internal sealed class PoolIndex
{
    private readonly SortedSet<NodeSlot>[] _byFreeGpus;

    public PoolIndex(string pool, IEnumerable<NodeSlot> slots)
    {
        Pool = pool;
        Slots = [.. slots.OrderBy(s => s.Id, StringComparer.Ordinal)];
        var most = Slots.Count == 0 ? 0 : Slots.Max(s => s.Capacity.Gpus);
        _byFreeGpus = [.. Enumerable.Range(0, most + 1).Select(_ => new SortedSet<NodeSlot>(ById.Instance))];
        foreach (var slot in Slots)
        {
            Capacity += slot.Capacity;
            if (!slot.Draining)
            {
                Free += slot.Free;
                _byFreeGpus[slot.Free.Gpus].Add(slot);
            }
        }
    }

    public string Pool { get; }

    public IReadOnlyList<NodeSlot> Slots { get; }

    /// <summary>The capacity of every node of the pool, draining ones included.</summary>
    public ResourceAmount Capacity { get; }

    /// <summary>What is free on the nodes that take new work.</summary>
    public ResourceAmount Free { get; private set; }

    /// <summary>Places <paramref name="job"/> on nodes <paramref name="allowed"/> lets it use, or returns null.</summary>
    public Allocation? Place(JobRequest job, Func<NodeSlot, bool> allowed)
    {
        var chosen = Choose(job, allowed);
        if (chosen is null)
        {
            return null;
        }

        var held = chosen.SelectMany(s => s.Held).Distinct().ToList();
        return GangPlacer.Place(job, [.. chosen.Select(s => s.Node)], held).Allocation ?? OnAllowedNodes(job, allowed);
    }

    /// <summary>
    /// The rare case where the placer orders the chosen nodes otherwise (it breaks ties of free GPUs by
    /// free CPUs) and packs them less well: it gets every node the job may use.
    /// </summary>
    private Allocation? OnAllowedNodes(JobRequest job, Func<NodeSlot, bool> allowed)
    {
        var nodes = Slots.Where(s => !s.Draining && s.Offers(job.Runtime) && allowed(s)).ToList();
        var held = nodes.SelectMany(s => s.Held).Distinct().ToList();
        return GangPlacer.Place(job, [.. nodes.Select(s => s.Node)], held).Allocation;
    }

    /// <summary>The nodes <paramref name="job"/> would take, by counts, or null when it does not fit.</summary>
    public NodeSlot[]? Choose(JobRequest job, Func<NodeSlot, bool> allowed)
    {
        var need = ResourceAmount.Sum(job.Tasks.Select(t => ResourceAmount.Of(t.Resources)));
        return need.FitsIn(Free) ? OneNode(job, need, allowed) ?? Spread(job, allowed) : null;
    }

    /// <summary>Counts <paramref name="allocation"/> as held on its nodes.</summary>
    public void Take(Allocation allocation, IReadOnlyDictionary<string, NodeSlot> slots)
    {
        foreach (var group in allocation.Tasks.GroupBy(t => t.NodeId, StringComparer.Ordinal))
        {
            var slot = slots[group.Key];
            var used = ResourceAmount.Sum(group.Select(NodeSlot.Of));
            Move(slot, NodeSlot.Minus(slot.Free, used));
            slot.Held.Add(allocation);
        }
    }

    private void Move(NodeSlot slot, ResourceAmount free)
    {
        if (!slot.Draining)
        {
            _byFreeGpus[slot.Free.Gpus].Remove(slot);
            Free = NodeSlot.Minus(Free, slot.Free) + free;
            _byFreeGpus[free.Gpus].Add(slot);
        }

        slot.Free = free;
    }

    private NodeSlot[]? OneNode(JobRequest job, ResourceAmount need, Func<NodeSlot, bool> allowed)
    {
        for (var gpus = need.Gpus; gpus < _byFreeGpus.Length; gpus++)
        {
            foreach (var slot in _byFreeGpus[gpus])
            {
                if (need.FitsIn(slot.Free) && slot.Offers(job.Runtime) && allowed(slot))
                {
                    return [slot];
                }
            }
        }

        return null;
    }

    /// <summary>First-fit-decreasing over the nodes in order of most free GPUs, read only as far as needed.</summary>
    private NodeSlot[]? Spread(JobRequest job, Func<NodeSlot, bool> allowed) =>
        Packing.FirstFitDecreasing(job, Candidates(job, allowed).Select(s => (s, s.Free)))?.ToArray();

    /// <summary>The nodes in order of most free GPUs, then id; none with fewer free GPUs than the job's smallest task, which could take nothing.</summary>
    private IEnumerable<NodeSlot> Candidates(JobRequest job, Func<NodeSlot, bool> allowed)
    {
        var smallest = job.Tasks.Count == 0 ? 0 : job.Tasks.Min(t => t.Resources.Gpus);
        for (var gpus = _byFreeGpus.Length - 1; gpus >= smallest; gpus--)
        {
            foreach (var slot in _byFreeGpus[gpus])
            {
                if (slot.Offers(job.Runtime) && allowed(slot))
                {
                    yield return slot;
                }
            }
        }
    }

    private sealed class ById : IComparer<NodeSlot>
    {
        public static readonly ById Instance = new();

        public int Compare(NodeSlot? x, NodeSlot? y) => string.CompareOrdinal(x?.Id, y?.Id);
    }
}
