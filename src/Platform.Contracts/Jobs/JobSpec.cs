using System.Text.Json.Serialization;

namespace Platform.Contracts.Jobs;

/// <summary>A training job as the user submitted it (API.md, "Job spec"), after validation.</summary>
[GenerateSerializer, Immutable, Alias("platform.JobSpec")]
public sealed record JobSpec
{
    /// <summary>Lowercase DNS label.</summary>
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? Team { get; init; }
    /// <summary>Default image of every replica group.</summary>
    [Id(2)] public string? Image { get; init; }
    /// <summary>Default command of every replica group.</summary>
    [Id(3)] public IReadOnlyList<string>? Command { get; init; }
    [Id(4)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    /// <summary><c>docker</c> or <c>process</c>.</summary>
    [Id(5)] public string Runtime { get; init; } = TaskRuntimes.Docker;
    /// <summary>Replica groups by lower-case type (<see cref="ReplicaTypes"/>).</summary>
    [Id(6)] public required IReadOnlyDictionary<string, ReplicaSpec> Replicas { get; init; }
    [Id(7)] public RestartPolicy RestartPolicy { get; init; } = RestartPolicy.Never;
    [Id(8)] public int BackoffLimit { get; init; } = JobSpecDefaults.BackoffLimit;
    [Id(9)] public long? ActiveDeadlineSeconds { get; init; }
    [Id(10)] public SuccessPolicy SuccessPolicy { get; init; } = SuccessPolicy.Default;
    // Id(11) was the raw int Priority until API version 3 (issue 11); it stays unused so stored jobs still load.
    [Id(12)] public int TerminationGracePeriodSeconds { get; init; } = JobSpecDefaults.TerminationGracePeriodSeconds;
    [Id(13)] public int TtlSecondsAfterFinished { get; init; }
    /// <summary>Named directories of the node mounted into every task of the job; kept across restarts and after the job ends.</summary>
    [Id(14)] public IReadOnlyList<VolumeSpec> Volumes { get; init; } = [];
    /// <summary>Most processes (and threads) one task may run at once; null takes the node's default.</summary>
    [Id(15)] public int? PidsLimit { get; init; }
    /// <summary>
    /// The priority class the job was accepted under: the spec's <c>priorityClass</c>, or the default class
    /// when it named none. Null for a job stored before priority classes existed (it runs as the default class).
    /// </summary>
    [Id(16)] public string? PriorityClass { get; init; }
    /// <summary>
    /// The value <see cref="PriorityClass"/> had when the job was accepted; the queue orders by it, so a later
    /// configuration change does not reorder an accepted job. Set by the platform, never read from a spec.
    /// </summary>
    [Id(17), JsonIgnore] public int? PriorityValue { get; init; }
    /// <summary>
    /// Environment variable name to the name of a secret of the job's team: only the references are kept;
    /// the values are decrypted where the tasks are assigned and go into their secret environment.
    /// </summary>
    [Id(18)] public IReadOnlyDictionary<string, string> SecretEnv { get; init; } = new Dictionary<string, string>();
}

/// <summary>One replica group: how many tasks of one type, and what each runs with.</summary>
[GenerateSerializer, Immutable, Alias("platform.ReplicaSpec")]
public sealed record ReplicaSpec
{
    [Id(0)] public int Count { get; init; } = 1;
    [Id(1)] public Resources Resources { get; init; } = new();
    /// <summary>Overrides the job's image for this group.</summary>
    [Id(2)] public string? Image { get; init; }
    /// <summary>Overrides the job's command for this group.</summary>
    [Id(3)] public IReadOnlyList<string>? Command { get; init; }
    /// <summary>Merged over the job's env.</summary>
    [Id(4)] public IReadOnlyDictionary<string, string> Env { get; init; } = new Dictionary<string, string>();
    /// <summary>Merged over the job's secretEnv: variable name to a secret of the job's team.</summary>
    [Id(5)] public IReadOnlyDictionary<string, string> SecretEnv { get; init; } = new Dictionary<string, string>();
}

/// <summary>What one task needs: CPUs (fractions allowed), memory, whole GPUs.</summary>
[GenerateSerializer, Immutable, Alias("platform.Resources")]
public sealed record Resources
{
    [Id(0)] public double Cpus { get; init; } = JobSpecDefaults.Cpus;
    [Id(1)] public int MemoryMb { get; init; } = JobSpecDefaults.MemoryMb;
    [Id(2)] public int Gpus { get; init; }
}

public static class JobSpecDefaults
{
    public const int BackoffLimit = 3;
    public const int TerminationGracePeriodSeconds = 30;
    public const double Cpus = 1;
    public const int MemoryMb = 1024;
    /// <summary>The team of a spec that names none while the platform has no authentication.</summary>
    public const string Team = "default";
}

public static class TaskRuntimes
{
    public const string Docker = "docker";
    public const string Process = "process";
    public static readonly IReadOnlyList<string> All = [Docker, Process];
}

/// <summary>Replica types in the order tasks are listed and ranked.</summary>
public static class ReplicaTypes
{
    public const string Chief = "chief";
    public const string Master = "master";
    public const string Ps = "ps";
    public const string Worker = "worker";
    public const string Evaluator = "evaluator";
    public static readonly IReadOnlyList<string> All = [Chief, Master, Ps, Worker, Evaluator];
}

[GenerateSerializer]
public enum RestartPolicy { Never, OnFailure, Always, ExitCode }

[GenerateSerializer]
public enum SuccessPolicy { Default, AllWorkers }
