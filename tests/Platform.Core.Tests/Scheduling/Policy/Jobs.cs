using Platform.Contracts.Jobs;
using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling.Policy;
using TaskRequest = Platform.Contracts.Scheduling.TaskRequest;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Short builders of queued and running jobs for the policy tables; minutes count from <see cref="T0"/>.</summary>
internal static class Jobs
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    /// <summary>A job of <paramref name="tasks"/> tasks of <paramref name="gpusPerTask"/> GPUs each.</summary>
    public static QueuedJob Queued(
        string id, string team, int priority = 100, double submitted = 0, int gpusPerTask = 1, int tasks = 1,
        string pool = "a100", int? deadline = null, bool preemptible = false) =>
        new(new JobRequest(
            id, At(submitted), TaskRuntimes.Docker,
            [.. Enumerable.Range(0, tasks).Select(i => new TaskRequest($"worker-{i}", new Resources { Gpus = gpusPerTask, Cpus = 1, MemoryMb = 1024 }))],
            Team: team, PriorityClass: $"p{priority}", PriorityValue: priority),
            pool, deadline, preemptible);

    /// <summary>The ids of the jobs a queue gives, in order, space-separated.</summary>
    public static string Order(FairQueue queue, Func<QueuedJob, (string Team, double Share)?>? onTake = null)
    {
        var ids = new List<string>();
        while (queue.TryDequeue(out var job))
        {
            ids.Add(job.Request.JobId);
            if (onTake?.Invoke(job) is { } share)
            {
                queue.SetShare(share.Team, share.Share);
            }
        }

        return string.Join(' ', ids);
    }
}
