using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Tasks as host processes with the same environment a container would get, for machines without
/// Docker. Their output cannot be re-attached after the agent restarts, so they are not adopted: a
/// new agent kills what an earlier one left running (recorded in <paramref name="pidDirectory"/>)
/// and the node's desired tasks start afresh.
/// </summary>
public sealed partial class ProcessRuntime : ITaskRuntime, IDisposable
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private readonly ConcurrentDictionary<string, HostProcess> _processes = new();
    private readonly string? _pidDirectory;

    public ProcessRuntime(string? pidDirectory = null)
    {
        _pidDirectory = pidDirectory;
        if (pidDirectory is not null)
        {
            Directory.CreateDirectory(pidDirectory);
            KillLeftovers(pidDirectory);
        }
    }

    public string Name => Contracts.Jobs.TaskRuntimes.Process;

    public Task<IReadOnlyList<ObservedTask>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ObservedTask>>([.. _processes.Values.Select(process => process.Observe())]);

    public Task<string> StartAsync(TaskAssignment assignment, CancellationToken cancellationToken)
    {
        if (assignment.Command.Count == 0)
        {
            throw new TaskStartException($"{assignment.Task} has no command: the process runtime needs one.");
        }

        if (assignment.Volumes.Count > 0)
        {
            throw new TaskStartException($"{assignment.Task} has volumes, which need the docker runtime: a host process cannot have directories mounted.");
        }

        var start = new ProcessStartInfo(assignment.Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in assignment.Command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in assignment.RuntimeEnvironment())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        try
        {
            var process = new HostProcess(assignment, Process.Start(start)!);
            _processes[process.Id] = process;
            if (_pidDirectory is not null)
            {
                File.WriteAllText(PidFile(_pidDirectory, process.Pid), StartTicks(process.Pid));
            }

            return Task.FromResult(process.Id);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new TaskStartException($"Cannot run {assignment.Command[0]}: {exception.Message}", exception);
        }
    }

    public async Task StopAsync(ObservedTask task, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!_processes.TryGetValue(task.Id, out var process) || process.Exited.IsCompleted)
        {
            return;
        }

        _ = Kill(process.Pid, SigTerm);
        try
        {
            await process.Exited.WaitAsync(grace, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.KillTree();
            await process.Exited.WaitAsync(cancellationToken);
        }
    }

    public Task RemoveAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        if (_processes.TryRemove(task.Id, out var process))
        {
            if (_pidDirectory is not null)
            {
                File.Delete(PidFile(_pidDirectory, process.Pid));
            }

            process.Dispose();
        }

        return Task.CompletedTask;
    }

    public async Task FollowLogsAsync(ObservedTask task, long shipped, ChannelWriter<LogEntry> sink, CancellationToken cancellationToken)
    {
        if (!_processes.TryGetValue(task.Id, out var process))
        {
            return;
        }

        await foreach (var entry in process.Lines.ReadAllAsync(cancellationToken))
        {
            if (entry.Offset > shipped)
            {
                await sink.WriteAsync(entry, cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes.Values)
        {
            process.KillTree();
            process.Dispose();
        }
    }

    /// <summary>Kills each recorded process still alive with the start time it had (a pid can be reused).</summary>
    private static void KillLeftovers(string pidDirectory)
    {
        foreach (var file in Directory.GetFiles(pidDirectory, "*.pid"))
        {
            var pid = int.Parse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture);
            if (StartTicks(pid) is { Length: > 0 } ticks && ticks == File.ReadAllText(file))
            {
                _ = Kill(pid, SigKill);
            }

            File.Delete(file);
        }
    }

    private static string PidFile(string pidDirectory, int pid) =>
        Path.Combine(pidDirectory, $"{pid.ToString(CultureInfo.InvariantCulture)}.pid");

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or "" when it is gone.</summary>
    private static string StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return "";
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>One started process and its output, kept until the agent removes it.</summary>
    private sealed class HostProcess : IDisposable
    {
        /// <summary>How long output may still arrive after the process exited (a background child can hold it open).</summary>
        private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(2);

        private readonly TaskAssignment _assignment;
        private readonly Process _process;
        private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
        private readonly Channel<LogEntry> _lines = Channel.CreateUnbounded<LogEntry>();
        private readonly Lock _numbering = new();
        private long _offset;

        public HostProcess(TaskAssignment assignment, Process process)
        {
            _assignment = assignment;
            _process = process;
            Id = $"process-{process.Id.ToString(CultureInfo.InvariantCulture)}";
            Pid = process.Id;
            var output = Task.WhenAll(PumpAsync(process.StandardOutput, "stdout"), PumpAsync(process.StandardError, "stderr"));
            Exited = process.WaitForExitAsync();
            _ = CompleteLinesAsync(output);
        }

        public string Id { get; }

        public int Pid { get; }

        /// <summary>Completes when the process itself exits, whatever its children still do.</summary>
        public Task Exited { get; }

        public ChannelReader<LogEntry> Lines => _lines.Reader;

        public ObservedTask Observe() => new(
            Id, Contracts.Jobs.TaskRuntimes.Process, _assignment.JobId, _assignment.Task, _assignment.Attempt,
            Running: !Exited.IsCompleted,
            ExitCode: Exited.IsCompleted ? _process.ExitCode : null,
            StartedAt: _startedAt,
            FinishedAt: Exited.IsCompleted ? _process.ExitTime.ToUniversalTime() : null,
            GraceSeconds: _assignment.TerminationGracePeriodSeconds);

        public void KillTree()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        public void Dispose() => _process.Dispose();

        private async Task CompleteLinesAsync(Task output)
        {
            await Exited;
            await Task.WhenAny(output, Task.Delay(OutputDrain));
            _lines.Writer.TryComplete();
        }

        private async Task PumpAsync(StreamReader reader, string stream)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (_numbering)
                {
                    _lines.Writer.TryWrite(new LogEntry(_assignment.Task, stream, DateTimeOffset.UtcNow, line, Id, ++_offset));
                }
            }
        }
    }
}
