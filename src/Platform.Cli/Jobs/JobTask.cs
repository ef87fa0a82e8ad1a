namespace Platform.Cli.Jobs;

/// <summary>One task of a job, <c>{type}-{index}</c>.</summary>
public sealed record JobTask
{
    public required string Name { get; init; }

    public string Type { get; init; } = "";

    public int Index { get; init; }

    public string State { get; init; } = "";

    public string? Reason { get; init; }

    public string? Node { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }

    public IReadOnlyList<string> Gpus { get; init; } = [];

    public int? ExitCode { get; init; }

    public int Restarts { get; init; }

    /// <summary><c>host:port</c>, or empty before the task is placed.</summary>
    public string Address => Host is null ? "" : Port is null ? Host : $"{Host}:{Port}";
}
