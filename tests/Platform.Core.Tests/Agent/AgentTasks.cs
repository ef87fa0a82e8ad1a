using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Core.Tests.Agent;

/// <summary>Short ways to write desired and observed tasks, and a plan as one line.</summary>
internal static class AgentTasks
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TaskAssignment Want(string job, string task, int attempt = 0) =>
        new() { JobId = job, Task = task, Attempt = attempt };

    public static ObservedTask Running(string id, string job, string task, int attempt = 0, int startedSecond = 0) =>
        new(id, "docker", job, task, attempt, Running: true, StartedAt: Epoch.AddSeconds(startedSecond));

    public static ObservedTask Exited(string id, string job, string task, int attempt = 0, int exitCode = 0) =>
        new(id, "docker", job, task, attempt, Running: false, ExitCode: exitCode,
            StartedAt: Epoch, FinishedAt: Epoch.AddMinutes(1));

    public static string Failed(string job, string task, int attempt) => ReconcilePlanner.AttemptKey(job, task, attempt);

    /// <summary>
    /// <c>start [j/t#attempt] stop [id] remove [id] current [j/t#attempt=id]</c>, each list sorted,
    /// so a row reads like the plan it expects.
    /// </summary>
    public static string Describe(ReconcilePlan plan) =>
        $"start [{Join(plan.ToStart.Select(a => $"{a.Key}#{a.Attempt}"))}] "
        + $"stop [{Join(plan.ToStop.Select(t => t.Id))}] "
        + $"remove [{Join(plan.ToRemove.Select(t => t.Id))}] "
        + $"current [{Join(plan.Current.Select(p => $"{p.Desired.Key}#{p.Desired.Attempt}={p.Observed.Id}"))}]";

    private static string Join(IEnumerable<string> items) => string.Join(" ", items.Order(StringComparer.Ordinal));
}
