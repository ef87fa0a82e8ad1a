using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Worker.Runtimes;

/// <summary>One started host process, its cgroup and its output, kept until the agent removes it.</summary>
internal sealed class HostProcess : IDisposable
{
    /// <summary>How long output may still arrive, with nothing read, after the process exited (a background child can hold it open).</summary>
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(2);

    /// <summary>Lines held for the follower (64): at most 8 MiB of text when every one is a full 64 KiB part.</summary>
    private const int OutputBuffer = 64;

    private readonly TaskAssignment _assignment;
    private readonly Process _process;
    private readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;
    private readonly Channel<LogEntry> _lines = Channel.CreateBounded<LogEntry>(OutputBuffer);
    // Numbers lines in the order they enter the channel, across the stdout and stderr pumps.
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private long _offset;
    private long _progress;
    private int _blockedWriters;

    public HostProcess(TaskAssignment assignment, Process process, TaskCgroup cgroup, string workDirectory)
    {
        _assignment = assignment;
        _process = process;
        Cgroup = cgroup;
        WorkDirectory = workDirectory;
        Id = $"process-{process.Id.ToString(CultureInfo.InvariantCulture)}";
        Pid = process.Id;
        var output = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, "stdout"), PumpAsync(process.StandardError.BaseStream, "stderr"));
        Exited = process.WaitForExitAsync();
        _ = CompleteLinesAsync(output);
    }

    public string Id { get; }

    public int Pid { get; }

    public TaskCgroup Cgroup { get; }

    public string WorkDirectory { get; }

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

    /// <summary>Kills the process and everything in its cgroup, children that left its tree included.</summary>
    public void KillTree()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        Cgroup.KillAll();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _lines.Writer.TryComplete();
        _process.Dispose();
        _disposed.Dispose();
    }

    private async Task CompleteLinesAsync(Task output)
    {
        await Exited;
        // As in a container, the task ends with its main process: what it left running goes too.
        Cgroup.KillAll();
        // Output keeps coming while a child writes or the follower is behind; only silence ends it early.
        while (!output.IsCompleted && !_disposed.IsCancellationRequested)
        {
            var progress = Interlocked.Read(ref _progress);
            await Task.WhenAny(output, Task.Delay(OutputDrain));
            if (Interlocked.Read(ref _progress) == progress && Volatile.Read(ref _blockedWriters) == 0)
            {
                break;
            }
        }

        _lines.Writer.TryComplete();
    }

    /// <summary>Reads raw bytes and cuts them like the Docker splitter does, so a line without end holds at most one part.</summary>
    private async Task PumpAsync(Stream output, string stream)
    {
        var cutter = new LineCutter();
        var parts = new List<LinePart>();
        var buffer = new byte[LineCutter.MaxPartBytes];
        try
        {
            int read;
            while ((read = await output.ReadAsync(buffer)) > 0)
            {
                Interlocked.Increment(ref _progress);
                cutter.Add(buffer.AsSpan(0, read), parts);
                await WriteAsync(parts, stream);
            }

            if (cutter.Flush() is { } last)
            {
                parts.Add(last);
                await WriteAsync(parts, stream);
            }
        }
        catch (Exception exception) when (exception is ChannelClosedException or OperationCanceledException or ObjectDisposedException)
        {
            // The attempt was removed, or its output was given up on after the drain: nobody reads any more.
        }
    }

    private async Task WriteAsync(List<LinePart> parts, string stream)
    {
        foreach (var part in parts)
        {
            Interlocked.Increment(ref _blockedWriters);
            await _writing.WaitAsync(_disposed.Token);
            try
            {
                // Waits for room: a follower OutputBuffer lines behind blocks the task's writes, as a pipe would.
                await _lines.Writer.WriteAsync(
                    new LogEntry(_assignment.Task, stream, DateTimeOffset.UtcNow, part.Text, Id, ++_offset, part.Continued), _disposed.Token);
            }
            finally
            {
                _writing.Release();
                Interlocked.Decrement(ref _blockedWriters);
                Interlocked.Increment(ref _progress);
            }
        }

        parts.Clear();
    }
}
