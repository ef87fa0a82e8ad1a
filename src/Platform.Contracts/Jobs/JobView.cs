namespace Platform.Contracts.Jobs;

/// <summary>A job as REST and SignalR show it (API.md, "A job").</summary>
[GenerateSerializer, Immutable, Alias("platform.JobView")]
public sealed record JobView
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public string? Team { get; init; }
    [Id(3)] public JobState State { get; init; }
    [Id(4)] public string? Reason { get; init; }
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public DateTimeOffset? StartedAt { get; init; }
    [Id(7)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(8)] public int Restarts { get; init; }
    [Id(9)] public required JobSpec Spec { get; init; }
    [Id(10)] public IReadOnlyList<TaskView> Tasks { get; init; } = [];
    /// <summary>Restarts caused by the infrastructure (a node lost), which do not count against backoffLimit.</summary>
    [Id(11)] public int InfrastructureRestarts { get; init; }
    /// <summary>The priority class the job was accepted under; null for a job stored before classes existed (it runs as the default class).</summary>
    public string? PriorityClass => Spec.PriorityClass;
}

/// <summary>One task of a job: <c>{type}-{index}</c>.</summary>
[GenerateSerializer, Immutable, Alias("platform.TaskView")]
public sealed record TaskView
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required string Type { get; init; }
    [Id(2)] public int Index { get; init; }
    [Id(3)] public TaskState State { get; init; }
    [Id(4)] public string? Node { get; init; }
    [Id(5)] public string? Host { get; init; }
    [Id(6)] public int? Port { get; init; }
    [Id(7)] public IReadOnlyList<string> Gpus { get; init; } = [];
    [Id(8)] public int? ExitCode { get; init; }
    [Id(9)] public int Restarts { get; init; }
    [Id(10)] public DateTimeOffset? StartedAt { get; init; }
    [Id(11)] public DateTimeOffset? FinishedAt { get; init; }
    [Id(12)] public string? Reason { get; init; }
    [Id(13)] public string? ContainerId { get; init; }
    /// <summary>When a task backing off after a failure starts again (its reason says BackOff); null otherwise.</summary>
    [Id(14)] public DateTimeOffset? NextAttemptAt { get; init; }
}

/// <summary>One entry of a job's timeline; <see cref="By"/> names the user whose request made it (null: the platform).</summary>
[GenerateSerializer, Immutable, Alias("platform.JobEvent")]
public sealed record JobEvent(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] string Type,
    [property: Id(2)] string? Task,
    [property: Id(3)] string? Node,
    [property: Id(4)] string? Reason,
    [property: Id(5)] string Message,
    [property: Id(6)] string? By = null);
