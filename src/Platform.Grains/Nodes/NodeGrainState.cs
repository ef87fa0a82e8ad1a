using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Grains.Nodes;

[GenerateSerializer, Alias("platform.NodeGrainState")]
public sealed class NodeGrainState
{
    [Id(0)] public NodeCapacity? Capacity { get; set; }
    /// <summary>Desired tasks by <see cref="TaskKey"/>.</summary>
    [Id(1)] public Dictionary<string, TaskAssignment> Desired { get; set; } = [];
}
