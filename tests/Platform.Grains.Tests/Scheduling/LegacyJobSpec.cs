using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>The stored shape of <see cref="JobSpec"/> before API version 3: a raw <c>Priority</c> at id 11.</summary>
[GenerateSerializer, Immutable, Alias("test.LegacyJobSpec")]
public sealed record LegacyJobSpec
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? Team { get; init; }
    [Id(6)] public required IReadOnlyDictionary<string, ReplicaSpec> Replicas { get; init; }
    [Id(11)] public int Priority { get; init; }
    [Id(12)] public int TerminationGracePeriodSeconds { get; init; }
}
