namespace Platform.Cli.Notebooks;

/// <summary>A notebook as <c>GET /api/notebooks/{id}</c> shows it.</summary>
public sealed record Notebook
{
    public required string Id { get; init; }

    public string State { get; init; } = "";

    public string? Reason { get; init; }

    public string? Url { get; init; }

    public string? Node { get; init; }

    public IReadOnlyList<string> Gpus { get; init; } = [];

    public DateTimeOffset? LastActivity { get; init; }
}
