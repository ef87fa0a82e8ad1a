namespace Platform.Cli.Nodes;

/// <summary>One GPU of a node and the task that holds it, if any.</summary>
public sealed record GpuSlot
{
    public int Index { get; init; }

    public string Id { get; init; } = "";

    public string Model { get; init; } = "";

    public GpuHolder? Holder { get; init; }

    /// <summary><c>jobId/task</c>, or <c>free</c>.</summary>
    public string HeldBy => Holder is null ? "free" : $"{Holder.JobId}/{Holder.Task}";
}
