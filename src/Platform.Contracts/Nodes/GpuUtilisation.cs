namespace Platform.Contracts.Nodes;

/// <summary>How busy one GPU of a node was (percent of time a kernel ran, as nvidia-smi reports it) when last read.</summary>
[GenerateSerializer, Immutable, Alias("platform.GpuUtilisation")]
public sealed record GpuUtilisation(
    [property: Id(0)] int Index,
    [property: Id(1)] double Percent,
    [property: Id(2)] DateTimeOffset At);
