using Platform.Contracts.Jobs;

namespace Platform.Contracts.Nodes;

/// <summary>What an agent saw of one task attempt on its node.</summary>
[GenerateSerializer, Immutable, Alias("platform.TaskObservation")]
public sealed record TaskObservation
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string Task { get; init; }
    [Id(2)] public int Attempt { get; init; }
    [Id(3)] public TaskState State { get; init; }
    [Id(4)] public int? ExitCode { get; init; }
    [Id(5)] public string? Reason { get; init; }
    [Id(6)] public string? ContainerId { get; init; }
    [Id(7)] public required string NodeId { get; init; }
    [Id(8)] public DateTimeOffset Time { get; init; }
}
