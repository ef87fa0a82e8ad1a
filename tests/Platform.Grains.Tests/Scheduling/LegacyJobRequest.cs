using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>The stored shape of <see cref="JobRequest"/> before API version 3: a raw <c>Priority</c> at id 1.</summary>
[GenerateSerializer, Immutable, Alias("test.LegacyJobRequest")]
public sealed record LegacyJobRequest(
    [property: Id(0)] string JobId,
    [property: Id(1)] int Priority,
    [property: Id(2)] DateTimeOffset SubmittedAt,
    [property: Id(3)] string Runtime,
    [property: Id(4)] IReadOnlyList<TaskRequest> Tasks,
    [property: Id(5)] int Generation = 0);
