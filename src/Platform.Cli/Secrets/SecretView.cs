namespace Platform.Cli.Secrets;

/// <summary>A secret as <c>/api/teams/{team}/secrets</c> lists it: never its value.</summary>
public sealed record SecretView
{
    public required string Name { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? UpdatedBy { get; init; }
}
