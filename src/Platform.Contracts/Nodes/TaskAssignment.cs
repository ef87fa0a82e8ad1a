using Platform.Contracts.Jobs;

namespace Platform.Contracts.Nodes;

/// <summary>
/// One task a node must run: the desired state its agent reconciles against. A new
/// <see cref="Attempt"/> means a fresh container; the old one is removed.
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.TaskAssignment")]
public sealed record TaskAssignment
{
    [Id(0)] public required string JobId { get; init; }
    [Id(1)] public required string Task { get; init; }
    [Id(2)] public int Attempt { get; init; }
    [Id(3)] public string Runtime { get; init; } = TaskRuntimes.Docker;
    [Id(4)] public string? Image { get; init; }
    [Id(5)] public IReadOnlyList<string> Command { get; init; } = [];
    [Id(6)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    [Id(7)] public Resources Resources { get; init; } = new();
    [Id(8)] public IReadOnlyList<int> GpuIndexes { get; init; } = [];
    [Id(9)] public int Port { get; init; }
    [Id(10)] public int TerminationGracePeriodSeconds { get; init; } = JobSpecDefaults.TerminationGracePeriodSeconds;
    /// <summary>The job has ended: the task must not run, but its container stays until <see cref="RemoveAfter"/>.</summary>
    [Id(11)] public bool Stopped { get; init; }
    [Id(12)] public DateTimeOffset? RemoveAfter { get; init; }
    /// <summary>Which placement of its job this belongs to; a job placed again after a node loss gets a new one.</summary>
    [Id(13)] public int Generation { get; init; }
    /// <summary>Directories under the node's volumes root to bind-mount into the task, read-write.</summary>
    [Id(14)] public IReadOnlyList<VolumeMount> Volumes { get; init; } = [];
    /// <summary>
    /// Environment the task gets on top of <see cref="Env"/> that no view may show (a notebook's
    /// Jupyter token). Only the runtime reads it.
    /// </summary>
    [Id(15)] public IReadOnlyDictionary<string, string> SecretEnv { get; init; } = new Dictionary<string, string>();
    /// <summary>The job's pids limit; null takes the node's default. The node caps it at its operator maximum.</summary>
    [Id(16)] public int? PidsLimit { get; init; }

    public string Key => TaskKey.Of(JobId, Task);

    /// <summary>What the runtime puts in the task's environment: <see cref="Env"/>, then <see cref="SecretEnv"/>.</summary>
    public IEnumerable<KeyValuePair<string, string>> RuntimeEnvironment() => Env.Concat(SecretEnv);

    public bool Expired(DateTimeOffset now) => RemoveAfter <= now;
}

public static class TaskKey
{
    public static string Of(string jobId, string task) => $"{jobId}/{task}";
}
