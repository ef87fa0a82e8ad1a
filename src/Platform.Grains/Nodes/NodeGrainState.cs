using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Grains.Nodes;

[GenerateSerializer, Alias("platform.NodeGrainState")]
public sealed class NodeGrainState
{
    [Id(0)] public NodeCapacity? Capacity { get; set; }
    /// <summary>Desired tasks by <see cref="TaskKey"/>.</summary>
    [Id(1)] public Dictionary<string, TaskAssignment> Desired { get; set; } = [];
    [Id(2)] public bool Lost { get; set; }
    /// <summary>Jobs whose tasks here were told to stop, by job id, until none of their containers runs.</summary>
    [Id(3)] public Dictionary<string, RetiredJob> Retired { get; set; } = [];
    /// <summary>The framework images the agent last reported; kept so a restarted control plane still lists them.</summary>
    [Id(4)] public List<NodeImage> Images { get; set; } = [];
}

/// <summary>A job's stopped tasks on a node: what they hold until their containers are gone.</summary>
[GenerateSerializer, Immutable, Alias("platform.RetiredJob")]
public sealed record RetiredJob(
    [property: Id(0)] int Generation,
    [property: Id(1)] IReadOnlyList<int> GpuIndexes,
    [property: Id(2)] DateTimeOffset At);
