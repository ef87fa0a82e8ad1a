using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Grains.Nodes;

[GenerateSerializer, Alias("platform.NodeGrainState")]
public sealed class NodeGrainState
{
    [Id(0)] public NodeCapacity? Capacity { get; set; }
    /// <summary>Desired tasks by <see cref="TaskKey"/>.</summary>
    [Id(1)] public Dictionary<string, TaskAssignment> Desired { get; set; } = [];
    [Id(2)] public bool Lost { get; set; }
    /// <summary>
    /// Placements whose tasks here were told to stop, until none of their containers runs: keyed
    /// <c>{jobId}#{generation}</c> (by job id alone in state written before generations were kept apart).
    /// </summary>
    [Id(3)] public Dictionary<string, RetiredJob> Retired { get; set; } = [];
    /// <summary>The framework images the agent last reported; kept so a restarted control plane still lists them.</summary>
    [Id(4)] public List<NodeImage> Images { get; set; } = [];
    /// <summary>An admin took the node out of scheduling; it stays so through heartbeats, restarts and a Lost spell.</summary>
    [Id(5)] public bool Draining { get; set; }
    /// <summary>Who last drained or undrained the node, and when.</summary>
    [Id(6)] public DrainChange? LastDrainChange { get; set; }
    /// <summary>When the node was declared Lost; its retired tasks are presumed gone a second LostAfter later.</summary>
    [Id(7)] public DateTimeOffset? LostAt { get; set; }
}

/// <summary>A job's stopped tasks on a node: what they hold until their containers are gone.</summary>
[GenerateSerializer, Immutable, Alias("platform.RetiredJob")]
public sealed record RetiredJob(
    [property: Id(0)] int Generation,
    [property: Id(1)] IReadOnlyList<int> GpuIndexes,
    [property: Id(2)] DateTimeOffset At,
    [property: Id(3)] string? JobId = null,
    [property: Id(4)] IReadOnlyList<string>? Attempts = null)
{
    public static string KeyOf(string jobId, int generation) =>
        $"{jobId}#{generation.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>Whether <paramref name="task"/> is one of the retired attempts (any of the job's, for old state).</summary>
    public bool Covers(string key, TaskObservation task) => Attempts is null
        ? task.JobId == (JobId ?? key)
        : Attempts.Contains(Core.Agent.ReconcilePlanner.AttemptKey(task.JobId, task.Task, task.Attempt));
}
