namespace Platform.Cli.Tokens;

/// <summary>A token as <c>/api/tokens</c> shows it; <see cref="Token"/> only in the answer that made it.</summary>
public sealed record TokenView
{
    public required string Id { get; init; }

    public string User { get; init; } = "";

    public string Role { get; init; } = "";

    public IReadOnlyList<string> Teams { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? Token { get; init; }
}
