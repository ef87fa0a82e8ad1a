namespace Platform.Worker.Agent;

/// <summary>The <c>Platform:Worker</c> configuration section: what this node offers and how its agent runs.</summary>
public sealed class WorkerOptions
{
    public const string Section = "Platform:Worker";

    /// <summary>Whether the embedded gateway runs an agent for the local machine.</summary>
    public bool Enabled { get; set; } = true;

    public string NodeId { get; set; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>The address other tasks reach this node's tasks at (host networking).</summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>
    /// The interface <see cref="Address"/> is on: tasks of a job spread over several nodes get it as
    /// <c>GLOO_SOCKET_IFNAME</c> and <c>NCCL_SOCKET_IFNAME</c>.
    /// </summary>
    public string NetworkInterface { get; set; } = "lo";

    /// <summary>
    /// First port of the range tasks listen on. The default range stays below Linux's ephemeral
    /// ports (32768-60999), so no outgoing connection of the node can hold a task's port.
    /// </summary>
    public int PortStart { get; set; } = 28000;

    public int PortEnd { get; set; } = 28999;

    /// <summary>Advertise N fake GPUs (ids 0..N-1) instead of asking nvidia-smi; for machines without GPUs.</summary>
    public int? FakeGpuCount { get; set; }

    /// <summary>The <c>nvidia-smi</c> to ask for GPUs when no fake ones are configured.</summary>
    public string NvidiaSmi { get; set; } = "nvidia-smi";

    /// <summary>Comma-separated runtimes this node enables: <c>docker</c>, <c>process</c>.</summary>
    public string Runtimes { get; set; } = "docker";

    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>CPUs offered; default all of the machine's.</summary>
    public double? Cpus { get; set; }

    /// <summary>Memory offered in MB; default all of the machine's.</summary>
    public int? MemoryMb { get; set; }

    public int ReconcileIntervalMs { get; set; } = 1000;

    /// <summary>
    /// The directory volumes live under (<c>jobs/{jobId}/{name}</c> inside it); default
    /// <c>{Platform:DataDir}/volumes</c>. Point it at a shared mount (NFS) so a job placed on
    /// another node finds its checkpoints.
    /// </summary>
    public string? VolumesPath { get; set; }

    /// <summary>Seconds between scans of the node's framework images (reported only when they change).</summary>
    public int ImageScanSeconds { get; set; } = 30;

    /// <summary>The most processes and threads a task may have when its job sets no <c>pidsLimit</c> (4,096).</summary>
    public int PidsLimit { get; set; } = DefaultPidsLimit;

    /// <summary>The cap on any job's <c>pidsLimit</c> (32,768): a job asking more gets this.</summary>
    public int MaxPidsLimit { get; set; } = DefaultMaxPidsLimit;

    /// <summary>The engine's json-file <c>max-size</c> of a task's log before it rotates (50m).</summary>
    public string LogMaxSize { get; set; } = DefaultLogMaxSize;

    /// <summary>The engine's json-file <c>max-file</c>: rotated log files kept per task (3).</summary>
    public int LogMaxFiles { get; set; } = DefaultLogMaxFiles;

    /// <summary>
    /// The open-files ulimit (<c>nofile</c>, soft and hard) of every task; unset: 65,536, or the
    /// agent's own hard limit when that is lower (an engine without CAP_SYS_RESOURCE cannot grant
    /// more than it has, and refuses to start the container).
    /// </summary>
    public long? NofileLimit { get; set; }

    /// <summary>
    /// <c>uid:gid</c> (numbers) every task runs as; unset: a container runs as its image's user and a
    /// host process as the agent's. The agent makes volume directories writable for it.
    /// </summary>
    public string? TaskUser { get; set; }

    public const int DefaultPidsLimit = 4096;
    public const int DefaultMaxPidsLimit = 32768;
    public const string DefaultLogMaxSize = "50m";
    public const int DefaultLogMaxFiles = 3;
    public const long DefaultNofileLimit = 65536;

    public IReadOnlyList<string> RuntimeList =>
        [.. Runtimes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant())];
}
