using Platform.Contracts.Scheduling;

namespace Platform.Contracts.Nodes;

/// <summary>
/// Ready: takes new tasks. Lost: no heartbeat within the grace period. Draining: alive, but an admin
/// took it out of scheduling; its running tasks keep running.
/// </summary>
[GenerateSerializer]
public enum NodeState { Ready, Lost, Draining }

/// <summary>A node as <c>GET /api/nodes</c> shows it.</summary>
[GenerateSerializer, Immutable, Alias("platform.NodeView")]
public sealed record NodeView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public string Host { get; init; } = "";
    [Id(2)] public NodeState State { get; init; }
    [Id(3)] public double Cpus { get; init; }
    [Id(4)] public int MemoryMb { get; init; }
    [Id(5)] public int PortStart { get; init; }
    [Id(6)] public int PortEnd { get; init; }
    [Id(7)] public IReadOnlyList<string> Runtimes { get; init; } = [];
    [Id(8)] public DateTimeOffset? LastHeartbeat { get; init; }
    [Id(9)] public IReadOnlyList<GpuSlotView> Gpus { get; init; } = [];
    [Id(10)] public IReadOnlyList<string> Tasks { get; init; } = [];
    /// <summary>Who drained the node; null unless it is draining (a Lost node keeps it for its return).</summary>
    [Id(11)] public string? DrainedBy { get; init; }
    /// <summary>When the node was drained; null unless it is draining.</summary>
    [Id(12)] public DateTimeOffset? DrainedAt { get; init; }
    /// <summary>Who last made the node placeable again; null if nobody has, or while it is draining.</summary>
    [Id(13)] public string? UndrainedBy { get; init; }
    /// <summary>When the node was last made placeable again.</summary>
    [Id(14)] public DateTimeOffset? UndrainedAt { get; init; }
}

/// <summary>One GPU and who holds it.</summary>
[GenerateSerializer, Immutable, Alias("platform.GpuSlotView")]
public sealed record GpuSlotView
{
    [Id(0)] public int Index { get; init; }
    [Id(1)] public string Id { get; init; } = "";
    [Id(2)] public string Model { get; init; } = "";
    [Id(3)] public int MemoryMb { get; init; }
    [Id(4)] public bool Fake { get; init; }
    [Id(5)] public GpuHolder? Holder { get; init; }
    /// <summary>The latest utilisation its node read, or null where it cannot be read (fake GPUs).</summary>
    [Id(6)] public GpuUtilisation? Utilisation { get; init; }
}

[GenerateSerializer, Immutable, Alias("platform.GpuHolder")]
public sealed record GpuHolder(
    [property: Id(0)] string JobId,
    [property: Id(1)] string Task,
    [property: Id(2)] DateTimeOffset Since);

public static class GpuInfoExtensions
{
    public static GpuSlotView ToSlot(this GpuInfo gpu, GpuHolder? holder) => new()
    {
        Index = gpu.Index, Id = gpu.Id, Model = gpu.Model, MemoryMb = gpu.MemoryMb, Fake = gpu.Fake, Holder = holder,
    };
}
