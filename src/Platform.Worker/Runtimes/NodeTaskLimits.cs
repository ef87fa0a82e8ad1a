using Platform.Worker.Agent;

namespace Platform.Worker.Runtimes;

/// <summary>
/// What a node imposes on every task it runs, whatever the runtime (the <c>Platform:Worker</c>
/// options <c>PidsLimit</c>, <c>MaxPidsLimit</c>, <c>LogMaxSize</c>, <c>LogMaxFiles</c>,
/// <c>NofileLimit</c>, <c>TaskUser</c>).
/// </summary>
public sealed record NodeTaskLimits(
    int DefaultPids = WorkerOptions.DefaultPidsLimit,
    int MaxPids = WorkerOptions.DefaultMaxPidsLimit,
    string LogMaxSize = WorkerOptions.DefaultLogMaxSize,
    int LogMaxFiles = WorkerOptions.DefaultLogMaxFiles,
    long Nofile = WorkerOptions.DefaultNofileLimit,
    TaskUser? User = null)
{
    public static NodeTaskLimits From(WorkerOptions options) => new(
        options.PidsLimit, options.MaxPidsLimit, options.LogMaxSize, options.LogMaxFiles,
        options.NofileLimit ?? DefaultNofile(OpenFilesLimit.HardOfThisProcess()),
        TaskUser.TryParse(options.TaskUser, out var user) ? user : null);

    /// <summary>65,536, or less when the agent's own hard limit is lower (unknown: 65,536).</summary>
    public static long DefaultNofile(long? agentHardLimit) =>
        agentHardLimit is { } hard ? Math.Min(WorkerOptions.DefaultNofileLimit, hard) : WorkerOptions.DefaultNofileLimit;

    /// <summary>The job's pids limit when it sets one, else the node's default, never above the node's maximum.</summary>
    public int PidsFor(int? requested) => Math.Min(requested is > 0 ? requested.Value : DefaultPids, MaxPids);
}
