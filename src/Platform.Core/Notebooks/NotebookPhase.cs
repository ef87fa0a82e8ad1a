using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;

namespace Platform.Core.Notebooks;

/// <summary>
/// What a notebook's job says about the notebook. A running container is only <c>Starting</c>
/// here: the notebook is Ready once Jupyter answers, which its grain checks.
/// </summary>
public sealed record NotebookPhase(NotebookState State, string? Reason)
{
    public static NotebookPhase Of(JobView job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var task = job.Tasks.FirstOrDefault();
        return job.State switch
        {
            JobState.Pending => new(NotebookState.Pending, job.Reason),
            JobState.Succeeded => new(NotebookState.Stopped, "Jupyter exited by itself (exit code 0)"),
            JobState.Failed => new(NotebookState.Failed, job.Reason),
            JobState.Cancelled => new(NotebookState.Stopped, job.Reason),
            _ when task is null || task.State == TaskState.Pending => new(NotebookState.Pending, job.Reason),
            _ => new(NotebookState.Starting, null),
        };
    }
}
