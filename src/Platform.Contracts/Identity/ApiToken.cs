namespace Platform.Contracts.Identity;

/// <summary>
/// An API token as the platform keeps it: the SHA-256 of the token, never the token itself, and
/// the identity it stands for.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.ApiToken")]
public sealed record ApiToken
{
    /// <summary>The public name of the token (<c>tok-…</c>), used to list and revoke it.</summary>
    [Id(0)] public required string Id { get; init; }
    /// <summary>Lowercase hex SHA-256 of the token's text.</summary>
    [Id(1)] public required string Hash { get; init; }
    [Id(2)] public required string User { get; init; }
    [Id(3)] public Role Role { get; init; }
    [Id(4)] public IReadOnlyList<string> Teams { get; init; } = [];
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>The user who made it; <c>platform</c> for the admin token of the first start.</summary>
    [Id(7)] public string? CreatedBy { get; init; }
}
