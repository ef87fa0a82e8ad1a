using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>What a replica group runs with: its own image and command, else the job's.</summary>
public static class GroupDefaults
{
    /// <summary>The group's image, else the job's; null when neither is set.</summary>
    public static string? ImageOf(JobSpec spec, string type) => GroupOf(spec, type)?.Image ?? spec.Image;

    /// <summary>The group's command, else the job's; empty when neither is set.</summary>
    public static IReadOnlyList<string> CommandOf(JobSpec spec, string type) =>
        GroupOf(spec, type)?.Command ?? spec.Command ?? [];

    private static ReplicaSpec? GroupOf(JobSpec spec, string type) =>
        spec.Replicas.GetValueOrDefault(type);
}
