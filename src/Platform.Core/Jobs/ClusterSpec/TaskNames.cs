using System.Globalization;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>Task names (<c>{type}-{index}</c>) and the tasks a spec expands to.</summary>
public static class TaskNames
{
    /// <summary>The task's name: <c>worker-1</c>.</summary>
    public static string Of(string type, int index) =>
        $"{type}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Every task of the spec, ordered by <see cref="ReplicaTypes.All"/> then index.</summary>
    public static IReadOnlyList<(string Type, int Index, ReplicaSpec Group)> Expand(JobSpec spec) =>
    [
        .. ReplicaTypes.All
            .Where(spec.Replicas.ContainsKey)
            .SelectMany(type => Enumerable.Range(0, spec.Replicas[type].Count)
                .Select(index => (type, index, spec.Replicas[type]))),
    ];
}
