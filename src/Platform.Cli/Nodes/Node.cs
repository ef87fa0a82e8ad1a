namespace Platform.Cli.Nodes;

/// <summary>A node as <c>GET /api/nodes</c> shows it.</summary>
public sealed record Node
{
    public required string Id { get; init; }

    public string Host { get; init; } = "";

    public string State { get; init; } = "";

    public double Cpus { get; init; }

    public int MemoryMb { get; init; }

    public IReadOnlyList<GpuSlot> Gpus { get; init; } = [];

    /// <summary>Who drained the node, while it is draining.</summary>
    public string? DrainedBy { get; init; }
}
