using Platform.Contracts.Scheduling;

namespace Platform.Contracts.Nodes;

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
