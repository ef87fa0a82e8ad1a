using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Lifecycle;

/// <summary>The job's success policy applied to its tasks' states.</summary>
public static class SuccessRules
{
    /// <summary>
    /// <see cref="SuccessPolicy.Default"/>: the chief or master (index 0) succeeded, else
    /// <c>worker-0</c> succeeded, else (no chief, master or worker) every task succeeded.
    /// <see cref="SuccessPolicy.AllWorkers"/>: every worker and the chief or master succeeded;
    /// a job with neither needs every task to succeed.
    /// </summary>
    public static bool IsSucceeded(
        SuccessPolicy policy, IReadOnlyList<(string Type, int Index, TaskState State)> tasks)
    {
        var leaders = tasks.Where(t => IsLeader(t.Type)).ToList();
        var workers = tasks.Where(t => Is(t.Type, ReplicaTypes.Worker)).ToList();
        if (leaders.Count == 0 && workers.Count == 0)
        {
            return tasks.Count > 0 && tasks.All(Succeeded);
        }

        return policy switch
        {
            SuccessPolicy.Default => leaders.Count > 0
                ? leaders.Where(t => t.Index == 0).Any(Succeeded)
                : workers.Where(t => t.Index == 0).Any(Succeeded),
            SuccessPolicy.AllWorkers => leaders.Concat(workers).All(Succeeded),
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown success policy."),
        };
    }

    private static bool Succeeded((string Type, int Index, TaskState State) task) =>
        task.State == TaskState.Succeeded;

    private static bool IsLeader(string type) => Is(type, ReplicaTypes.Chief) || Is(type, ReplicaTypes.Master);

    private static bool Is(string type, string expected) =>
        string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);
}
