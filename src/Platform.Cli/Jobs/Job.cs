namespace Platform.Cli.Jobs;

/// <summary>A job as <c>GET /api/jobs/{id}</c> and the hub's <c>jobUpdated</c> show it (the fields the CLI reads).</summary>
public sealed record Job
{
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    public string? Team { get; init; }

    /// <summary>The priority class the job was accepted under (API version 3); null for a job stored before.</summary>
    public string? PriorityClass { get; init; }

    public string State { get; init; } = "";

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Restarts { get; init; }

    public int InfrastructureRestarts { get; init; }

    public IReadOnlyList<JobTask> Tasks { get; init; } = [];

    public bool IsFinished => JobStates.IsFinished(State);

    public bool Succeeded => State == JobStates.Succeeded;

    /// <summary><c>Failed: reason</c>, or the state alone when there is no reason.</summary>
    public string StateAndReason => string.IsNullOrEmpty(Reason) ? State : $"{State}: {Reason}";
}
