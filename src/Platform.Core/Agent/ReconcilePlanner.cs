using Platform.Contracts.Nodes;

namespace Platform.Core.Agent;

/// <summary>
/// The level-triggered heart of the agent: compares desired assignments with what runs and says
/// what to start, stop and remove. A task whose desired attempt already has a container (running
/// or exited) is current: it is reported, never started twice, which is how an agent that
/// restarts adopts what it ran before. A new attempt waits until every older copy of its task has
/// stopped: two copies never run at once (they would share the task's GPUs and port). A stopped
/// assignment (its job has ended, the container is kept for a while) is halted if it still runs,
/// and never started.
/// </summary>
public static class ReconcilePlanner
{
    /// <param name="desired">The node's assignments.</param>
    /// <param name="observed">Every task the runtimes show for this node.</param>
    /// <param name="failedStarts">Keys of attempts whose start already failed (see <see cref="AttemptKey"/>); not retried.</param>
    /// <param name="busy">
    /// Task keys with an action still running when the runtimes were listed: the listing may predate
    /// what that action did (a container being created), so they are not started this round.
    /// </param>
    public static ReconcilePlan Plan(
        IReadOnlyList<TaskAssignment> desired,
        IReadOnlyList<ObservedTask> observed,
        IReadOnlySet<string> failedStarts,
        IReadOnlySet<string>? busy = null)
    {
        var wanted = desired.ToDictionary(assignment => assignment.Key);
        var toStart = new List<TaskAssignment>();
        var toStop = new List<ObservedTask>();
        var toRemove = new List<ObservedTask>();
        var toHalt = new List<ObservedTask>();
        var current = new List<(TaskAssignment, ObservedTask)>();

        foreach (var group in observed.GroupBy(task => task.Key))
        {
            wanted.TryGetValue(group.Key, out var assignment);
            var keep = assignment is null
                ? null
                : group.Where(task => task.Attempt == assignment.Attempt)
                    .OrderByDescending(task => task.Running)
                    .ThenBy(task => task.StartedAt ?? DateTimeOffset.MaxValue)
                    .FirstOrDefault();
            if (keep is { Running: true } && assignment!.Stopped)
            {
                toHalt.Add(keep);
            }
            else if (keep is not null)
            {
                current.Add((assignment!, keep));
            }

            foreach (var task in group.Where(task => task != keep))
            {
                (task.Running ? toStop : toRemove).Add(task);
            }
        }

        var present = observed.Where(task => wanted.TryGetValue(task.Key, out var assignment) && assignment.Attempt == task.Attempt)
            .Select(task => task.Key).ToHashSet();
        var stopping = toStop.Select(task => task.Key).ToHashSet();
        toStart.AddRange(desired.Where(assignment =>
            !assignment.Stopped && !present.Contains(assignment.Key) && !stopping.Contains(assignment.Key) && busy?.Contains(assignment.Key) != true &&
            !failedStarts.Contains(AttemptKey(assignment.JobId, assignment.Task, assignment.Attempt))));
        return new ReconcilePlan(toStart, toStop, toRemove, toHalt, current);
    }

    public static string AttemptKey(string jobId, string task, int attempt) => $"{TaskKey.Of(jobId, task)}#{attempt}";
}
