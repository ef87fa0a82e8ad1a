using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;
using Platform.Core.Scheduling;

namespace Platform.Grains.Tests.Scheduling;

/// <summary>
/// State written before API version 3 carried a raw <c>Priority</c> at id 11 of a spec and id 1 of a
/// queued request: it still loads, and runs as the default class.
/// </summary>
public sealed class StoredPriorityTests
{
    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(StoredPriorityTests).Assembly).AddAssembly(typeof(JobSpec).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Spec_stored_with_a_raw_priority_loads_without_a_class()
    {
        var stored = new LegacyJobSpec
        {
            Name = "old",
            Team = "vision",
            Replicas = new Dictionary<string, ReplicaSpec> { [ReplicaTypes.Worker] = new() { Count = 2 } },
            Priority = 7,
            TerminationGracePeriodSeconds = 12,
        };

        var spec = _serializer.Deserialize<JobSpec>(_serializer.SerializeToArray(stored))!;

        Assert.Equal(("old", "vision", 2, 12), (spec.Name, spec.Team, spec.Replicas[ReplicaTypes.Worker].Count, spec.TerminationGracePeriodSeconds));
        Assert.Null(spec.PriorityClass);
        Assert.Null(spec.PriorityValue);
    }

    [Fact]
    public void Queued_request_stored_with_a_raw_priority_is_queued_as_the_default_class()
    {
        var at = DateTimeOffset.UnixEpoch.AddDays(1);
        var stored = new LegacyJobRequest("old-job", 999, at, TaskRuntimes.Docker, [new TaskRequest("worker-0", new Resources())], 3);

        var request = _serializer.Deserialize<JobRequest>(_serializer.SerializeToArray(stored))!;
        var queued = QueueOrder.Upgrade(request, PriorityClassPolicy.BuiltIn.DefaultClass);

        Assert.Equal(("old-job", at, 3, "worker-0"), (request.JobId, request.SubmittedAt, request.Generation, request.Tasks.Single().Name));
        Assert.Equal(("default", "normal", 100), (queued.Team, queued.PriorityClass, queued.PriorityValue));
    }
}
