using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Platform.Contracts.Logs;
using Platform.Core.Agent;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Agent;

/// <summary>
/// Follows each task attempt's output and ships it to the job's log in batches, in order. One
/// follower per attempt; it skips the lines the log already holds from that container, so an agent
/// that restarts and adopts a container ships no line twice, and the log drops any line shipped twice.
/// </summary>
public sealed partial class LogShipper(IGrainFactory grains, ILogger<LogShipper> logger)
{
    private const int BatchSize = 1000;

    /// <summary>A batch also ends at this much text (1 MiB of characters), so a task printing 64 KiB parts ships them in small calls.</summary>
    private const int BatchChars = 1024 * 1024;

    /// <summary>
    /// Lines read ahead of the store (1,024). With parts of at most 64 KiB this bounds what one
    /// follower holds to about 128 MiB of text in the worst case, and a slow store slows the reader,
    /// not the other way round.
    /// </summary>
    private const int ReadAhead = 1024;
    private readonly ConcurrentDictionary<string, Task> _followers = new();

    /// <summary>The follower of this attempt, started on first call; completes when the output has ended and is stored.</summary>
    public Task Follow(ITaskRuntime runtime, ObservedTask task, CancellationToken cancellationToken) =>
        _followers.AddOrUpdate(task.Id,
            _ => Task.Run(() => ShipAsync(runtime, task, cancellationToken), cancellationToken),
            (_, existing) => existing.IsFaulted ? Task.Run(() => ShipAsync(runtime, task, cancellationToken), cancellationToken) : existing);

    public void Forget(string taskId) => _followers.TryRemove(taskId, out _);

    private async Task ShipAsync(ITaskRuntime runtime, ObservedTask task, CancellationToken cancellationToken)
    {
        var log = grains.GetGrain<IJobLogGrain>(task.JobId);
        var shipped = await log.GetShippedAsync(task.Id);
        var lines = Channel.CreateBounded<LogEntry>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                await runtime.FollowLogsAsync(task, shipped, lines.Writer, cancellationToken);
                lines.Writer.TryComplete();
            }
            catch (Exception exception)
            {
                lines.Writer.TryComplete(exception);
            }
        }, cancellationToken);

        var batch = new List<LogEntry>(BatchSize);
        while (await lines.Reader.WaitToReadAsync(cancellationToken))
        {
            var chars = 0;
            while (batch.Count < BatchSize && chars < BatchChars && lines.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
                chars += entry.Text.Length;
            }

            await AppendAsync(log, batch, cancellationToken);
            batch.Clear();
        }

        await reader;
    }

    private async Task AppendAsync(IJobLogGrain log, List<LogEntry> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await log.AppendAsync([.. batch]);
                return;
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && attempt < 30)
            {
                LogAppendRetry(logger, exception, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipping log lines failed (attempt {Attempt}); retrying")]
    private static partial void LogAppendRetry(ILogger logger, Exception exception, int attempt);
}
