using Platform.Contracts.Jobs;

namespace Platform.Grains.Tests.Cluster;

/// <summary>Job specs as a validated submission would store them.</summary>
internal static class Specs
{
    public static JobSpec Job(
        string name, RestartPolicy policy = RestartPolicy.Never, int backoffLimit = 3, string? team = null,
        params (string Type, int Count, int Gpus)[] groups) => new()
    {
        Name = name,
        Team = team,
        Image = "platform/test:1",
        Command = ["/app/train"],
        RestartPolicy = policy,
        BackoffLimit = backoffLimit,
        TerminationGracePeriodSeconds = 5,
        Replicas = groups.ToDictionary(
            group => group.Type,
            group => new ReplicaSpec { Count = group.Count, Resources = new Resources { Cpus = 1, MemoryMb = 1024, Gpus = group.Gpus } }),
    };

    /// <summary><paramref name="count"/> workers of <paramref name="gpus"/> GPUs each.</summary>
    public static JobSpec Workers(
        string name, int count, int gpus, RestartPolicy policy = RestartPolicy.Never, string? team = null) =>
        Job(name, policy, team: team, groups: (ReplicaTypes.Worker, count, gpus));
}
