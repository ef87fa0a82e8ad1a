namespace Platform.Cli.Nodes;

public sealed record GpuHolder(string JobId, string Task, DateTimeOffset Since);
