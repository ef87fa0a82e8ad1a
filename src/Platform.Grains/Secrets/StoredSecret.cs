namespace Platform.Grains.Secrets;

/// <summary>A secret as its team's grain keeps it: the Data Protection ciphertext, never the value.</summary>
[GenerateSerializer, Immutable, Alias("platform.StoredSecret")]
public sealed record StoredSecret
{
    [Id(0)] public required string Ciphertext { get; init; }
    [Id(1)] public DateTimeOffset CreatedAt { get; init; }
    [Id(2)] public DateTimeOffset UpdatedAt { get; init; }
    [Id(3)] public string? UpdatedBy { get; init; }
}
