using System.Globalization;
using Docker.DotNet.Models;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;

namespace Platform.Worker.Runtimes;

/// <summary>
/// The container a task attempt runs in: host networking, CPU and memory limits from the spec,
/// unprivileged with every capability dropped and no new privileges, no mounts but the
/// assignment's volumes (read-write binds of their directories under <c>volumesRoot</c>), labels
/// for adoption, and the allocated GPUs as a device request when they are real (fake GPUs only
/// get <c>NVIDIA_VISIBLE_DEVICES</c>). The node's limits apply to every container: a pids limit
/// (the job's within the node's maximum), an open-files ulimit, a rotated json-file log, and the
/// operator's task user when one is set.
/// </summary>
public static class ContainerSpec
{
    /// <summary>The engine's log driver: files the agent follows, rotated by size.</summary>
    public const string LogDriver = "json-file";

    public static CreateContainerParameters For(
        TaskAssignment assignment, string nodeId, IReadOnlyList<GpuInfo> nodeGpus, string volumesRoot, NodeTaskLimits? limits = null)
    {
        limits ??= new NodeTaskLimits();
        return new()
        {
            Name = $"platform-{assignment.JobId}-{assignment.Task}-a{assignment.Attempt}",
            Image = assignment.Image ?? throw new TaskStartException($"{assignment.Task} has no image: the docker runtime needs one."),
            Cmd = assignment.Command.Count > 0 ? [.. assignment.Command] : null!,
            Env = [.. assignment.RuntimeEnvironment().Select(variable => $"{variable.Key}={variable.Value}")],
            Labels = new Dictionary<string, string>
            {
                [TaskLabels.Job] = assignment.JobId,
                [TaskLabels.Task] = assignment.Task,
                [TaskLabels.Node] = nodeId,
                [TaskLabels.Attempt] = assignment.Attempt.ToString(CultureInfo.InvariantCulture),
                [TaskLabels.Grace] = assignment.TerminationGracePeriodSeconds.ToString(CultureInfo.InvariantCulture),
            },
            User = limits.User?.ToString()!,
            HostConfig = new HostConfig
            {
                NetworkMode = "host",
                NanoCPUs = (long)(assignment.Resources.Cpus * 1_000_000_000),
                Memory = assignment.Resources.MemoryMb * 1024L * 1024L,
                // No swap beyond the limit: a task over its memory is OOM-killed, not slowed down.
                MemorySwap = assignment.Resources.MemoryMb * 1024L * 1024L,
                Privileged = false,
                CapDrop = ["ALL"],
                SecurityOpt = ["no-new-privileges"],
                // A fork bomb stops at its own limit instead of taking the host's pids from the engine and the agent.
                PidsLimit = limits.PidsFor(assignment.PidsLimit),
                Ulimits = [new Ulimit { Name = "nofile", Soft = limits.Nofile, Hard = limits.Nofile }],
                LogConfig = new LogConfig
                {
                    Type = LogDriver,
                    Config = new Dictionary<string, string>
                    {
                        ["max-size"] = limits.LogMaxSize,
                        ["max-file"] = limits.LogMaxFiles.ToString(CultureInfo.InvariantCulture),
                    },
                },
                DeviceRequests = DeviceRequests(assignment, nodeGpus)!,
                Mounts = Mounts(assignment, volumesRoot)!,
            },
        };
    }

    private static IList<Mount>? Mounts(TaskAssignment assignment, string volumesRoot) => assignment.Volumes.Count == 0
        ? null
        : [.. assignment.Volumes.Select(volume => new Mount
        {
            Type = "bind",
            Source = VolumeDirectories.PathOf(volumesRoot, volume),
            Target = volume.MountPath,
            ReadOnly = false,
        })];

    private static IList<DeviceRequest>? DeviceRequests(TaskAssignment assignment, IReadOnlyList<GpuInfo> nodeGpus)
    {
        var real = nodeGpus.Where(gpu => !gpu.Fake && assignment.GpuIndexes.Contains(gpu.Index)).ToList();
        return real.Count == 0
            ? null
            : [new DeviceRequest { Driver = "nvidia", DeviceIDs = [.. real.Select(gpu => gpu.Id)], Capabilities = [["gpu"]] }];
    }
}
