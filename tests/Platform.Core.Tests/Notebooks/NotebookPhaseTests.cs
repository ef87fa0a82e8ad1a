using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookPhaseTests
{
    /// <summary>Job state, job reason, task state, the notebook's state and reason.</summary>
    public static TheoryData<JobState, string?, TaskState, NotebookState, string?> Cases => new()
    {
        { JobState.Pending, "Queued", TaskState.Pending, NotebookState.Pending, "Queued" },
        { JobState.Pending, "waiting for 1 GPU: 0 free of 2", TaskState.Pending, NotebookState.Pending, "waiting for 1 GPU: 0 free of 2" },
        { JobState.Running, null, TaskState.Starting, NotebookState.Starting, null },
        { JobState.Running, null, TaskState.Running, NotebookState.Starting, null },
        { JobState.Restarting, "NodeLost: node a stopped heartbeating; placing the job again", TaskState.Pending, NotebookState.Pending,
            "NodeLost: node a stopped heartbeating; placing the job again" },
        { JobState.Succeeded, null, TaskState.Succeeded, NotebookState.Stopped, "Jupyter exited by itself (exit code 0)" },
        { JobState.Failed, "worker-0 exited with code 1", TaskState.Failed, NotebookState.Failed, "worker-0 exited with code 1" },
        { JobState.Failed, "worker-0 failed: StartFailed: Image x is not in the node's Docker engine", TaskState.Failed, NotebookState.Failed,
            "worker-0 failed: StartFailed: Image x is not in the node's Docker engine" },
        { JobState.Cancelled, "Cancelled by user", TaskState.Killed, NotebookState.Stopped, "Cancelled by user" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Job_says_whether_the_notebook_waits_starts_or_ended(
        JobState job, string? reason, TaskState task, NotebookState state, string? notebookReason)
    {
        var view = new JobView
        {
            Id = "nb-1", Name = "nb-1", State = job, Reason = reason, Spec = new JobSpec { Name = "nb-1", Replicas = new Dictionary<string, ReplicaSpec>() },
            Tasks = [new TaskView { Name = "worker-0", Type = "worker", State = task }],
        };

        Assert.Equal(new NotebookPhase(state, notebookReason), NotebookPhase.Of(view));
    }
}
