namespace Platform.Core.Jobs;

/// <summary>The variables the platform injects into every task (API.md, "Task environment").</summary>
public static class PlatformEnv
{
    public const string TfConfig = "TF_CONFIG";
    public const string MasterAddr = "MASTER_ADDR";
    public const string MasterPort = "MASTER_PORT";
    public const string WorldSize = "WORLD_SIZE";
    public const string Rank = "RANK";
    public const string JobId = "PLATFORM_JOB_ID";
    public const string JobName = "PLATFORM_JOB_NAME";
    public const string TaskType = "PLATFORM_TASK_TYPE";
    public const string TaskIndex = "PLATFORM_TASK_INDEX";
    public const string TaskName = "PLATFORM_TASK_NAME";
    public const string TaskPort = "PLATFORM_TASK_PORT";
    /// <summary>The job's secret (<see cref="JobSecrets"/>): in the task's secret environment only, never shown.</summary>
    public const string JobSecret = "PLATFORM_JOB_SECRET";
    public const string NvidiaVisibleDevices = "NVIDIA_VISIBLE_DEVICES";
    public const string PythonUnbuffered = "PYTHONUNBUFFERED";
    public const string GlooSocketIfname = "GLOO_SOCKET_IFNAME";
    public const string NcclSocketIfname = "NCCL_SOCKET_IFNAME";

    /// <summary>The socket interface of a job whose tasks all run on one machine.</summary>
    public const string Loopback = "lo";

    private const string PlatformPrefix = "PLATFORM_";

    private static readonly HashSet<string> Reserved =
    [
        TfConfig, MasterAddr, MasterPort, WorldSize, Rank, NvidiaVisibleDevices, PythonUnbuffered,
        GlooSocketIfname, NcclSocketIfname, JobSecret,
    ];

    /// <summary>True for a name the spec's <c>env</c> may not set.</summary>
    public static bool IsReserved(string name) =>
        Reserved.Contains(name) || name.StartsWith(PlatformPrefix, StringComparison.Ordinal);
}
