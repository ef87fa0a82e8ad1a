using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Notebooks;

namespace Platform.Core.Notebooks;

/// <summary>
/// A notebook runs as a one-task job: the scheduler places it with whole GPUs like any job, the
/// agent runs it, its GPUs are freed once its container is gone, and its work directory is the
/// user's volume, which outlives it. The job never restarts
/// Jupyter: a notebook whose Jupyter dies has failed, and says so.
/// </summary>
public static class NotebookJob
{
    /// <summary>The job's one task.</summary>
    public const string Task = "worker-0";

    public static JobSpec SpecFor(string notebookId, NotebookStart start, int stopGraceSeconds)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new JobSpec
        {
            Name = notebookId,
            Image = start.Image,
            Env = new Dictionary<string, string> { [JupyterEnv.BaseUrl] = NotebookPaths.BaseOf(notebookId) },
            Replicas = new Dictionary<string, ReplicaSpec>
            {
                [ReplicaTypes.Worker] = new()
                {
                    Count = 1,
                    Resources = new Resources { Gpus = start.Gpus, Cpus = start.Cpus, MemoryMb = start.MemoryMb },
                },
            },
            RestartPolicy = RestartPolicy.Never,
            TerminationGracePeriodSeconds = stopGraceSeconds,
        };
    }

    /// <summary>The user's work directory, the same for each of their notebooks, mounted where Jupyter serves files from.</summary>
    public static IReadOnlyList<VolumeMount> Volumes(NotebookStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return [new VolumeMount(VolumeKeys.ForNotebookWork(start.User), JupyterEnv.WorkDir)];
    }

    /// <summary>The environment only the container sees.</summary>
    public static IReadOnlyDictionary<string, string> SecretEnv(string token) =>
        new Dictionary<string, string> { [JupyterEnv.Token] = token };
}
