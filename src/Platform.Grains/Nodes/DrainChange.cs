namespace Platform.Grains.Nodes;

/// <summary>An admin drained (<paramref name="Draining"/>) or undrained a node.</summary>
[GenerateSerializer, Immutable, Alias("platform.DrainChange")]
public sealed record DrainChange(
    [property: Id(0)] bool Draining,
    [property: Id(1)] string By,
    [property: Id(2)] DateTimeOffset At);
