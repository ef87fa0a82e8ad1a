using Platform.Contracts.Scheduling;

namespace Platform.Grains.Scheduling;

[GenerateSerializer, Alias("platform.SchedulerState")]
public sealed class SchedulerState
{
    [Id(0)] public Dictionary<string, NodeCapacity> Nodes { get; set; } = [];
    [Id(1)] public Dictionary<string, Allocation> Allocations { get; set; } = [];
    [Id(2)] public List<JobRequest> Queue { get; set; } = [];
    /// <summary>Nodes that stopped heartbeating: nothing is placed on them until they are back.</summary>
    [Id(3)] public HashSet<string> Lost { get; set; } = [];
    /// <summary>Nodes an admin drained: nothing new is placed on them until they are undrained.</summary>
    [Id(4)] public HashSet<string> Draining { get; set; } = [];
}
