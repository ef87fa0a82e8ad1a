using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Contracts.Jobs;
using Platform.Contracts.Nodes;
using Platform.Contracts.Scheduling;
using Platform.Core.Agent;
using Platform.Worker.Gpus;
using Platform.Worker.Images;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Agent;

/// <summary>
/// The node agent: registers the node, then reconciles the node's desired tasks against its
/// runtimes in a loop. Each action runs in the background, one at a time per task, so a long
/// grace period never stalls the loop; the loop itself only looks and decides.
/// </summary>
public sealed partial class NodeAgent(
    IGrainFactory grains,
    IEnumerable<ITaskRuntime> runtimes,
    NodeGpus gpus,
    LogShipper logs,
    ImageReporter images,
    GpuUtilisationReporter utilisation,
    IOptions<WorkerOptions> options,
    TimeProvider time,
    ILogger<NodeAgent> logger) : BackgroundService
{
    private readonly WorkerOptions _options = options.Value;
    private readonly Dictionary<string, ITaskRuntime> _runtimes = runtimes.ToDictionary(runtime => runtime.Name);
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();
    private readonly ConcurrentDictionary<string, TaskState> _reported = new();
    private readonly ConcurrentDictionary<string, bool> _failedStarts = new();
    private readonly StartsUnderWay _starting = new();

    private INodeGrain Node => grains.GetGrain<INodeGrain>(_options.NodeId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RegisterAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ReconcileAsync(stoppingToken);
                    await images.ReportIfDueAsync(Node, stoppingToken);
                    await utilisation.ReportIfDueAsync(Node, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogReconcileFailed(logger, exception);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(_options.ReconcileIntervalMs), time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the containers keep running, and the next agent adopts them.
        }
    }

    private async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var capacity = new NodeCapacity
        {
            NodeId = _options.NodeId,
            Host = _options.Address,
            Cpus = _options.Cpus ?? Environment.ProcessorCount,
            MemoryMb = _options.MemoryMb ?? MachineMemory.TotalMb(),
            Gpus = gpus.All,
            PortStart = _options.PortStart,
            PortEnd = _options.PortEnd,
            Runtimes = [.. _runtimes.Keys],
            NetworkInterface = _options.NetworkInterface,
        };
        while (true)
        {
            try
            {
                await Node.RegisterAsync(capacity);
                LogRegistered(logger, capacity.NodeId, capacity.Gpus.Count, string.Join(",", capacity.Runtimes));
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogRegisterFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var desired = await Node.GetDesiredAsync();
        _starting.ForgetFinished(key => !_inFlight.TryGetValue(key, out var action) || action.IsCompleted);
        // What is still being done now may finish before the runtimes are listed, or after: the
        // listing cannot tell. Those tasks wait for the next round rather than start twice.
        var busy = _inFlight.Where(action => !action.Value.IsCompleted).Select(action => action.Key).ToHashSet();
        var observed = new List<ObservedTask>();
        foreach (var runtime in _runtimes.Values)
        {
            observed.AddRange(await runtime.ListAsync(cancellationToken));
        }

        Forget(desired);
        var plan = ReconcilePlanner.Plan(desired, observed, _failedStarts.Keys.ToHashSet(), busy);
        foreach (var assignment in plan.ToStart)
        {
            _starting.Begun(assignment);
            Run(assignment.Key, () => StartAsync(assignment, cancellationToken));
        }

        foreach (var task in plan.ToStop.Concat(plan.ToRemove))
        {
            Run(task.Id, () => StopAndRemoveAsync(task, cancellationToken));
        }

        foreach (var task in plan.ToHalt)
        {
            Run(task.Id, () => HaltAsync(task, cancellationToken));
        }

        foreach (var (assignment, task) in plan.Current)
        {
            Run(assignment.Key, () => SyncAsync(task, cancellationToken));
        }

        // Everything the node runs, and every start still under way (one begun rounds ago may not be
        // listed yet): a retired job frees its GPUs only when none of it runs or is about to.
        var starting = _starting.Unlisted(observed).Select(assignment => new TaskObservation
            {
                JobId = assignment.JobId, Task = assignment.Task, Attempt = assignment.Attempt, NodeId = _options.NodeId,
                State = TaskState.Starting, Time = time.GetUtcNow(),
            });
        await Node.HeartbeatAsync([.. observed.Select(task => Observation(task, task.Running ? TaskState.Running : Finished(task))), .. starting]);
    }

    /// <summary>Drops finished actions and the failed starts of attempts no longer desired, so nothing grows without end.</summary>
    private void Forget(IReadOnlyList<TaskAssignment> desired)
    {
        foreach (var (key, action) in _inFlight.Where(pair => pair.Value.IsCompleted).ToList())
        {
            _inFlight.TryRemove(new KeyValuePair<string, Task>(key, action));
        }

        var wanted = desired.Select(assignment => ReconcilePlanner.AttemptKey(assignment.JobId, assignment.Task, assignment.Attempt)).ToHashSet();
        foreach (var key in _failedStarts.Keys.Where(key => !wanted.Contains(key)).ToList())
        {
            _failedStarts.TryRemove(key, out _);
        }
    }

    /// <summary>Runs one action for a key unless the previous one for that key is still going.</summary>
    private void Run(string key, Func<Task> action)
    {
        if (_inFlight.TryGetValue(key, out var running) && !running.IsCompleted)
        {
            return;
        }

        _inFlight[key] = Task.Run(async () =>
        {
            try
            {
                await action();
            }
            catch (Exception exception) when (!exception.IsCancellation())
            {
                LogActionFailed(logger, key, exception);
            }
        });
    }

    private async Task StartAsync(TaskAssignment assignment, CancellationToken cancellationToken)
    {
        var runtime = _runtimes.GetValueOrDefault(assignment.Runtime);
        try
        {
            if (runtime is null)
            {
                throw new TaskStartException($"Node {_options.NodeId} does not enable the {assignment.Runtime} runtime.");
            }

            var id = await runtime.StartAsync(assignment, cancellationToken);
            LogStarted(logger, assignment.JobId, assignment.Task, assignment.Attempt, id);
        }
        catch (TaskStartException exception)
        {
            _failedStarts[ReconcilePlanner.AttemptKey(assignment.JobId, assignment.Task, assignment.Attempt)] = true;
            await grains.GetGrain<IJobGrain>(assignment.JobId).ReportAsync(new TaskObservation
            {
                JobId = assignment.JobId, Task = assignment.Task, Attempt = assignment.Attempt, NodeId = _options.NodeId,
                State = TaskState.Failed, Reason = $"StartFailed: {exception.Message}", Time = time.GetUtcNow(),
            });
        }
    }

    /// <summary>Reports what a current task is doing and keeps its logs shipping.</summary>
    private async Task SyncAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        var shipped = logs.Follow(_runtimes[task.Runtime], task, cancellationToken);
        var state = task.Running ? TaskState.Running : Finished(task);
        if (_reported.GetValueOrDefault(task.Id) == state)
        {
            return;
        }

        if (!task.Running)
        {
            // Every line reaches the store before the exit does, so a finished job has all its logs.
            await shipped.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        await grains.GetGrain<IJobGrain>(task.JobId).ReportAsync(Observation(task, state));
        _reported[task.Id] = state;
    }

    /// <summary>Stops a finished job's container but keeps it, with its logs shipped, until its TTL.</summary>
    private async Task HaltAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        var runtime = _runtimes[task.Runtime];
        await runtime.StopAsync(task, GraceOf(task), cancellationToken);
        await logs.Follow(runtime, task, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    }

    private async Task StopAndRemoveAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        var runtime = _runtimes[task.Runtime];
        if (!task.Running && !_reported.ContainsKey(task.Id))
        {
            // It exited on its own before its job let go of it: the job still wants to know how.
            await SyncAsync(task, cancellationToken);
        }
        else if (task.Running)
        {
            LogStopping(logger, task.JobId, task.Task, task.Id);
            await runtime.StopAsync(task, GraceOf(task), cancellationToken);
        }

        await logs.Follow(runtime, task, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await runtime.RemoveAsync(task, cancellationToken);
        logs.Forget(task.Id);
        _reported.TryRemove(task.Id, out _);
    }

    private static TimeSpan GraceOf(ObservedTask task) =>
        TimeSpan.FromSeconds(task.GraceSeconds ?? JobSpecDefaults.TerminationGracePeriodSeconds);

    private TaskObservation Observation(ObservedTask task, TaskState state) => new()
    {
        JobId = task.JobId,
        Task = task.Task,
        Attempt = task.Attempt,
        NodeId = _options.NodeId,
        State = state,
        ExitCode = task.ExitCode,
        Reason = task.Reason,
        ContainerId = task.Id,
        Time = (task.Running ? task.StartedAt : task.FinishedAt) ?? time.GetUtcNow(),
    };

    private static TaskState Finished(ObservedTask task) => task.ExitCode == 0 ? TaskState.Succeeded : TaskState.Failed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Node {NodeId} registered with {GpuCount} GPUs, runtimes {Runtimes}")]
    private static partial void LogRegistered(ILogger logger, string nodeId, int gpuCount, string runtimes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registering the node failed; retrying")]
    private static partial void LogRegisterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile failed")]
    private static partial void LogReconcileFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action for {Key} failed")]
    private static partial void LogActionFailed(ILogger logger, string key, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started {JobId}/{Task} attempt {Attempt} as {Id}")]
    private static partial void LogStarted(ILogger logger, string jobId, string task, int attempt, string id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping {JobId}/{Task} ({Id})")]
    private static partial void LogStopping(ILogger logger, string jobId, string task, string id);
}
