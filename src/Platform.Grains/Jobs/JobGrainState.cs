using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;

namespace Platform.Grains.Jobs;

[GenerateSerializer, Alias("platform.JobGrainState")]
public sealed class JobGrainState
{
    [Id(0)] public JobSpec? Spec { get; set; }
    [Id(1)] public JobState State { get; set; }
    [Id(2)] public string? Reason { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public DateTimeOffset? StartedAt { get; set; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(6)] public int Restarts { get; set; }
    [Id(7)] public List<TaskRecord> Tasks { get; set; } = [];
    [Id(8)] public Allocation? Allocation { get; set; }
    [Id(9)] public List<JobEvent> Events { get; set; } = [];
    /// <summary>Which placement of the job is current; it grows when the job is placed again after a node loss.</summary>
    [Id(10)] public int Generation { get; set; }
    [Id(11)] public int InfrastructureRestarts { get; set; }
    /// <summary>Set for a job the platform runs for a notebook: unlisted, its owner told of changes.</summary>
    [Id(12)] public JobOwner? Owner { get; set; }
    /// <summary>The client's Idempotency-Key the job was submitted with, if any.</summary>
    [Id(13)] public string? IdempotencyKey { get; set; }
    /// <summary>Tells a repeated submission of the same spec from a different one under the same key.</summary>
    [Id(14)] public string? SpecFingerprint { get; set; }
    /// <summary>
    /// The job's secret (Platform.Core JobSecrets), made at submission and kept across restarts and
    /// placements; it goes into every task's secret environment and into no view.
    /// </summary>
    [Id(15)] public string? JobSecret { get; set; }
}

/// <summary>The control plane's record of one task; <see cref="Attempt"/> grows with every restart.</summary>
[GenerateSerializer, Alias("platform.TaskRecord")]
public sealed class TaskRecord
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Type { get; set; } = "";
    [Id(2)] public int Index { get; set; }
    [Id(3)] public TaskState State { get; set; }
    [Id(4)] public string? Node { get; set; }
    [Id(5)] public string? Host { get; set; }
    [Id(6)] public int? Port { get; set; }
    [Id(7)] public List<int> GpuIndexes { get; set; } = [];
    [Id(8)] public List<string> GpuIds { get; set; } = [];
    [Id(9)] public int? ExitCode { get; set; }
    [Id(10)] public int Restarts { get; set; }
    [Id(11)] public int Attempt { get; set; }
    [Id(12)] public DateTimeOffset? StartedAt { get; set; }
    [Id(13)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(14)] public string? Reason { get; set; }
    [Id(15)] public string? ContainerId { get; set; }
    /// <summary>The interface of the task's node for traffic to other nodes (from the allocation).</summary>
    [Id(16)] public string? NetworkInterface { get; set; }
    /// <summary>How many restarts in a row followed a short run: sets the back-off before the next.</summary>
    [Id(17)] public int BackoffStep { get; set; }
    /// <summary>When a task backing off starts again; null when it is not waiting.</summary>
    [Id(18)] public DateTimeOffset? NextAttemptAt { get; set; }

    public TaskView ToView() => new()
    {
        Name = Name, Type = Type, Index = Index, State = State, Node = Node, Host = Host, Port = Port,
        Gpus = [.. GpuIds], ExitCode = ExitCode, Restarts = Restarts, StartedAt = StartedAt,
        FinishedAt = FinishedAt, Reason = Reason, ContainerId = ContainerId, NextAttemptAt = NextAttemptAt,
    };
}
