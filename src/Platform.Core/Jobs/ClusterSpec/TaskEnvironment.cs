using System.Globalization;
using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.ClusterSpec;

/// <summary>
/// The environment every task receives (API.md, "Task environment"): the cluster specification
/// for TensorFlow and PyTorch, the platform's own variables, and the spec's <c>env</c>.
/// </summary>
public static class TaskEnvironment
{
    /// <summary>Every variable for <paramref name="self"/>.</summary>
    /// <param name="jobId">The job's id.</param>
    /// <param name="spec">The job's spec; its env and the group's env are merged in, group over job.</param>
    /// <param name="tasks">Every placed task of the job, <paramref name="self"/> included.</param>
    /// <param name="self">The task the environment is for.</param>
    public static IReadOnlyDictionary<string, string> Build(
        string jobId, JobSpec spec, IReadOnlyList<PlacedTask> tasks, PlacedTask self)
    {
        var env = new Dictionary<string, string>(spec.Env, StringComparer.Ordinal);
        if (spec.Replicas.TryGetValue(self.Type, out var group))
        {
            foreach (var (name, value) in group.Env)
            {
                env[name] = value;
            }
        }

        // Platform variables are set last so the spec can never override them.
        if (tasks.Count > 1)
        {
            env[PlatformEnv.TfConfig] = TfConfig.Of(tasks, self);
        }

        AddRanks(env, new Ranks(tasks), self);
        env[PlatformEnv.JobId] = jobId;
        env[PlatformEnv.JobName] = spec.Name;
        env[PlatformEnv.TaskType] = self.Type;
        env[PlatformEnv.TaskIndex] = Invariant(self.Index);
        env[PlatformEnv.TaskName] = self.Name;
        env[PlatformEnv.TaskPort] = Invariant(self.Port);
        env[PlatformEnv.NvidiaVisibleDevices] = self.GpuIds.Count > 0 ? string.Join(',', self.GpuIds) : "void";
        env[PlatformEnv.PythonUnbuffered] = "1";
        var socketInterface = SocketInterface(tasks, self);
        env[PlatformEnv.GlooSocketIfname] = socketInterface;
        env[PlatformEnv.NcclSocketIfname] = socketInterface;
        return env;
    }

    /// <summary>
    /// Loopback when every task is on one machine, else the interface of the task's node. Gloo and
    /// NCCL otherwise pick an interface from the host name, which on host networking may be one the
    /// other ranks cannot reach (or, on one machine, leave loopback for no reason).
    /// </summary>
    private static string SocketInterface(IReadOnlyList<PlacedTask> tasks, PlacedTask self) =>
        tasks.All(task => task.Machine == self.Machine) ? PlatformEnv.Loopback : self.NetworkInterface;

    private static void AddRanks(Dictionary<string, string> env, Ranks ranks, PlacedTask self)
    {
        if (ranks.RankZero is { } rankZero)
        {
            env[PlatformEnv.MasterAddr] = rankZero.Host;
            env[PlatformEnv.MasterPort] = Invariant(rankZero.Port);
        }

        if (ranks.RankOf(self) is { } rank)
        {
            env[PlatformEnv.WorldSize] = Invariant(ranks.WorldSize);
            env[PlatformEnv.Rank] = Invariant(rank);
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
