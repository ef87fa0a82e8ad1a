using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Options;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Agent;
using Platform.Worker.Agent;
using Platform.Worker.Gpus;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Tasks as Docker containers: host networking, CPU, memory, pids and open-files limits, all
/// capabilities dropped, no new privileges, a rotated log, labels for adoption, GPUs through
/// DeviceRequests when they are real, and the assignment's volumes bind-mounted from directories
/// under the volumes root. Removing a container removes its anonymous volumes (an image's
/// <c>VOLUME</c>) with it.
/// </summary>
public sealed class DockerRuntime(IDockerClient docker, IOptions<WorkerOptions> options, NodeGpus gpus) : ITaskRuntime
{
    private readonly ConcurrentDictionary<string, ObservedTask> _exited = new();
    private readonly ConcurrentDictionary<string, string> _startFailures = new();
    private readonly WorkerOptions _options = options.Value;
    private readonly NodeTaskLimits _limits = NodeTaskLimits.From(options.Value);

    /// <summary>How long a follow of a stopped container may deliver nothing before it is reopened (5 s).</summary>
    private static readonly TimeSpan StalledAfter = TimeSpan.FromSeconds(5);

    public string Name => Contracts.Jobs.TaskRuntimes.Docker;

    public async Task<IReadOnlyList<ObservedTask>> ListAsync(CancellationToken cancellationToken)
    {
        var containers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{TaskLabels.Node}={_options.NodeId}"] = true },
            },
        }, cancellationToken);

        var tasks = new List<ObservedTask>(containers.Count);
        foreach (var container in containers)
        {
            if (container.State == "running")
            {
                tasks.Add(FromLabels(container.ID, container.Labels, running: true));
            }
            else if (container.State == "created")
            {
                // Created but not running: its start failed (it stays for inspection until its job lets go
                // of it), or the agent died between create and start, and it is started now.
                var failure = _startFailures.GetValueOrDefault(container.ID) ?? await TryStartAsync(container.ID, cancellationToken);
                tasks.Add(FromLabels(container.ID, container.Labels, running: failure is null) with
                {
                    Reason = failure is null ? null : $"StartFailed: {failure}",
                });
            }
            else
            {
                tasks.Add(_exited.GetValueOrDefault(container.ID) ?? await InspectExitedAsync(container, cancellationToken));
            }
        }

        return tasks;
    }

    public async Task<string> StartAsync(TaskAssignment assignment, CancellationToken cancellationToken)
    {
        var parameters = ContainerSpec.For(assignment, _options.NodeId, gpus.All, _options.VolumesPath!, _limits);
        VolumeDirectories.Prepare(_options.VolumesPath!, assignment.Volumes, _limits.User);
        try
        {
            var id = await CreateOrFindAsync(parameters, cancellationToken);
            if (await TryStartAsync(id, cancellationToken) is { } failure)
            {
                throw new TaskStartException(failure);
            }

            return id;
        }
        catch (DockerImageNotFoundException exception)
        {
            throw new TaskStartException(
                $"Image {assignment.Image} is not in the node's Docker engine; build it there (scripts/images.sh) — no registry is reachable.",
                exception);
        }
        catch (DockerApiException exception)
        {
            throw new TaskStartException($"Docker refused to start {assignment.Task}: {exception.ResponseBody}", exception);
        }
    }

    /// <summary>
    /// Creates the attempt's container, or finds it when it exists already: the name is the job, task
    /// and attempt, so an attempt has at most one container, whoever asked first.
    /// </summary>
    private async Task<string> CreateOrFindAsync(CreateContainerParameters parameters, CancellationToken cancellationToken)
    {
        try
        {
            return (await docker.Containers.CreateContainerAsync(parameters, cancellationToken)).ID;
        }
        catch (DockerApiException exception) when (exception.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            return (await docker.Containers.InspectContainerAsync(parameters.Name!, cancellationToken)).ID;
        }
    }

    /// <summary>Starts a created container; returns why it could not, e.g. a GPU driver the engine lacks.</summary>
    private async Task<string?> TryStartAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.StartContainerAsync(id, new ContainerStartParameters(), cancellationToken);
            return null;
        }
        catch (DockerApiException exception)
        {
            return _startFailures[id] = $"Docker could not start the container: {exception.ResponseBody?.Trim()}";
        }
    }

    public async Task StopAsync(ObservedTask task, TimeSpan grace, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.StopContainerAsync(task.Id,
                new ContainerStopParameters { WaitBeforeKillSeconds = (uint)grace.TotalSeconds }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
        }
    }

    public async Task RemoveAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        try
        {
            await docker.Containers.RemoveContainerAsync(task.Id, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellationToken);
        }
        catch (DockerContainerNotFoundException)
        {
        }

        _exited.TryRemove(task.Id, out _);
        _startFailures.TryRemove(task.Id, out _);
    }

    public async Task FollowLogsAsync(ObservedTask task, long shipped, ChannelWriter<LogEntry> sink, CancellationToken cancellationToken)
    {
        // Docker may end a follow stream while the container still runs (seen under load). The next
        // pass reopens the log at the last frame taken in (since, to the nanosecond) and skips the
        // frames up to it, so a log the engine rotated meanwhile does not shift the numbering; only a
        // pass opened after the container stopped is the last one: it holds every line.
        var splitter = new DockerLogSplitter(task.Task, task.Id, shipped);
        while (true)
        {
            var last = !await IsRunningAsync(task.Id, cancellationToken);
            splitter.Reopen();
            await ReadLogAsync(task.Id, splitter, sink, cancellationToken);
            if (last)
            {
                foreach (var entry in splitter.Flush())
                {
                    await sink.WriteAsync(entry, cancellationToken);
                }

                return;
            }
        }
    }

    private async Task ReadLogAsync(string containerId, DockerLogSplitter splitter, ChannelWriter<LogEntry> sink, CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters
        {
            Follow = true,
            ShowStdout = true,
            ShowStderr = true,
            Timestamps = true,
            Since = splitter.Since!,
        };
        using var stream = await docker.Containers.GetContainerLogsAsync(containerId, parameters, cancellationToken);
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = new StrongBox<long>();
        var watchdog = CancelWhenStalledAsync(containerId, progress, stalled);
        var buffer = new byte[LineCutter.MaxPartBytes];
        try
        {
            while (true)
            {
                var read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, stalled.Token);
                if (read.EOF)
                {
                    return;
                }

                Interlocked.Increment(ref progress.Value);
                var isStderr = read.Target == MultiplexedStream.TargetStream.StandardError;
                foreach (var entry in splitter.Add(isStderr, buffer.AsSpan(0, read.Count), MultiplexedFrames.FrameEnded(stream)))
                {
                    await sink.WriteAsync(entry, cancellationToken);
                    Interlocked.Increment(ref progress.Value);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The engine's stream stalled after the container ended (seen with rotated logs): the
            // caller reopens the log where this read stopped.
        }
        finally
        {
            await stalled.CancelAsync();
            await watchdog;
        }
    }

    /// <summary>Ends a follow that has delivered nothing for <see cref="StalledAfter"/> once its container has stopped.</summary>
    private async Task CancelWhenStalledAsync(string containerId, StrongBox<long> progress, CancellationTokenSource stalled)
    {
        try
        {
            var seen = -1L;
            while (!stalled.IsCancellationRequested)
            {
                await Task.Delay(StalledAfter, stalled.Token);
                var now = Interlocked.Read(ref progress.Value);
                if (now == seen && !await IsRunningAsync(containerId, stalled.Token))
                {
                    await stalled.CancelAsync();
                    return;
                }

                seen = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task<bool> IsRunningAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            var inspected = await docker.Containers.InspectContainerAsync(containerId, cancellationToken);
            return inspected.State?.Running == true;
        }
        catch (DockerContainerNotFoundException)
        {
            return false;
        }
    }

    private async Task<ObservedTask> InspectExitedAsync(ContainerListResponse container, CancellationToken cancellationToken)
    {
        var inspected = await docker.Containers.InspectContainerAsync(container.ID, cancellationToken);
        var state = inspected.State!;
        var task = FromLabels(container.ID, container.Labels, running: false) with
        {
            ExitCode = (int)state.ExitCode,
            Reason = state.OOMKilled ? "OOMKilled" : null,
            StartedAt = ParseTime(state.StartedAt),
            FinishedAt = ParseTime(state.FinishedAt),
        };
        _exited[container.ID] = task;
        return task;
    }

    private ObservedTask FromLabels(string id, IDictionary<string, string> labels, bool running) => new(
        id, Name, labels[TaskLabels.Job], labels[TaskLabels.Task],
        int.Parse(labels[TaskLabels.Attempt], CultureInfo.InvariantCulture), running,
        GraceSeconds: labels.TryGetValue(TaskLabels.Grace, out var grace) ? int.Parse(grace, CultureInfo.InvariantCulture) : null);

    private static DateTimeOffset? ParseTime(object? value) => value switch
    {
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text when DockerLogSplitter.TryParseTimestamp(text, out var time) => time,
        _ => null,
    };
}
