namespace Platform.Contracts.Secrets;

/// <summary>What anyone of the team may know of a secret: its name and when and by whom it was written; never its value.</summary>
[GenerateSerializer, Immutable, Alias("platform.SecretInfo")]
public sealed record SecretInfo
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The user who wrote the current value.</summary>
    [Id(3)] public string? UpdatedBy { get; init; }
}
