using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>A job's state as REST and SignalR show it; the job index stores the same view.</summary>
public static class JobViews
{
    public static JobView Of(string id, JobGrainState job) => new()
    {
        Id = id,
        Name = job.Spec!.Name,
        Team = job.Spec.Team,
        State = job.State,
        Reason = job.Reason,
        CreatedAt = job.CreatedAt,
        StartedAt = job.StartedAt,
        FinishedAt = job.FinishedAt,
        Restarts = job.Restarts,
        Spec = job.Spec,
        Tasks = [.. job.Tasks.Select(task => task.ToView())],
        InfrastructureRestarts = job.InfrastructureRestarts,
    };
}
