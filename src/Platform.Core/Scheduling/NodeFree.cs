using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Core.Scheduling;

/// <summary>
/// The free capacity of one node during one placement: its capacity minus every task placed on
/// it. Derived afresh for each placement and consumed as tasks are taken, never stored.
/// </summary>
internal sealed class NodeFree
{
    private readonly SortedSet<int> _freeGpus;
    private readonly HashSet<int> _usedPorts;
    private long _milliCpus;
    private long _memoryMb;
    private int _freePorts;

    private NodeFree(NodeCapacity node, IEnumerable<TaskPlacement> placed)
    {
        Node = node;
        Capacity = new ResourceAmount(
            ResourceAmount.ToMilli(node.Cpus), node.MemoryMb, node.Gpus.Count, PortRangeSize(node));
        _freeGpus = [.. node.Gpus.Select(g => g.Index)];
        _usedPorts = [];
        _milliCpus = Capacity.MilliCpus;
        _memoryMb = Capacity.MemoryMb;
        _freePorts = Capacity.Ports;
        foreach (var task in placed)
        {
            Hold(task);
        }
    }

    public NodeCapacity Node { get; }

    public ResourceAmount Capacity { get; }

    public ResourceAmount Free => new(_milliCpus, _memoryMb, _freeGpus.Count, _freePorts);

    /// <summary>The free capacity of every node, less what <paramref name="existing"/> holds.</summary>
    public static List<NodeFree> Of(IEnumerable<NodeCapacity> nodes, IReadOnlyList<Allocation> existing)
    {
        var placedByNode = existing
            .SelectMany(a => a.Tasks)
            .ToLookup(t => t.NodeId, StringComparer.Ordinal);
        return [.. nodes.Select(n => new NodeFree(n, placedByNode[n.NodeId]))];
    }

    public bool Fits(ResourceAmount need) => need.FitsIn(Free);

    /// <summary>Gives the task the lowest free port and the lowest free GPU indexes.</summary>
    public TaskPlacement Take(TaskRequest task)
    {
        if (!Fits(ResourceAmount.Of(task.Resources)))
        {
            throw new InvalidOperationException($"{task.Name} does not fit on node {Node.NodeId}.");
        }

        var gpus = _freeGpus.Take(task.Resources.Gpus).ToList();
        var port = LowestFreePort();
        var ids = gpus.Select(index => Node.Gpus.First(gpu => gpu.Index == index).Id).ToList();
        var placement = new TaskPlacement(task.Name, Node.NodeId, Node.Host, port, gpus, task.Resources, ids, Node.NetworkInterface);
        Hold(placement);
        return placement;
    }

    private void Hold(TaskPlacement task)
    {
        _milliCpus -= ResourceAmount.ToMilli(task.Resources.Cpus);
        _memoryMb -= task.Resources.MemoryMb;
        foreach (var gpu in task.GpuIndexes)
        {
            _freeGpus.Remove(gpu);
        }

        if (task.Port >= Node.PortStart && task.Port <= Node.PortEnd && _usedPorts.Add(task.Port))
        {
            _freePorts--;
        }
    }

    private int LowestFreePort()
    {
        for (var port = Node.PortStart; port <= Node.PortEnd; port++)
        {
            if (!_usedPorts.Contains(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"Node {Node.NodeId} has no free port.");
    }

    private static int PortRangeSize(NodeCapacity node) =>
        node.PortEnd >= node.PortStart ? node.PortEnd - node.PortStart + 1 : 0;
}
