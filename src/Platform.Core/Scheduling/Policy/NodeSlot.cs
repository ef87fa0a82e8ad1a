using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>One node during a plan: its capacity, what is free, and the allocations on it.</summary>
internal sealed class NodeSlot(PoolNode node, string pool)
{
    public NodeCapacity Node => node.Node;

    public string Id => node.Node.NodeId;

    public string Pool => pool;

    public bool Draining => node.Draining;

    public ResourceAmount Capacity { get; } = new(
        ResourceAmount.ToMilli(node.Node.Cpus), node.Node.MemoryMb, node.Node.Gpus.Count,
        node.Node.PortEnd >= node.Node.PortStart ? node.Node.PortEnd - node.Node.PortStart + 1 : 0);

    public ResourceAmount Free { get; set; }

    /// <summary>The allocations with a task here (an allocation spanning nodes is on each of them).</summary>
    public List<Allocation> Held { get; } = [];

    public bool Offers(string runtime) => node.Node.Runtimes.Contains(runtime, StringComparer.Ordinal);

    public static ResourceAmount Of(TaskPlacement task) => new(
        ResourceAmount.ToMilli(task.Resources.Cpus), task.Resources.MemoryMb, task.GpuIndexes.Count, 1);

    public static ResourceAmount Minus(ResourceAmount a, ResourceAmount b) =>
        new(a.MilliCpus - b.MilliCpus, a.MemoryMb - b.MemoryMb, a.Gpus - b.Gpus, a.Ports - b.Ports);
}
