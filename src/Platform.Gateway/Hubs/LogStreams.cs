using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Platform.Contracts.Logs;

namespace Platform.Gateway.Hubs;

/// <summary>
/// One pump per subscriber and job. A pump reads the job's log from the store by <c>seq</c>, a page at
/// a time, and sends it to its connection; it sleeps until the feed says lines were added (or a
/// short poll passes). So every subscriber gets every line once and in order, a late subscriber
/// gets the history first, and a slow one only slows its own pump: nothing is buffered for it
/// beyond one page.
/// </summary>
public sealed partial class LogStreams(IGrainFactory grains, IHubContext<JobsHub> hub, ILogger<LogStreams> logger) : IDisposable
{
    private const int PageSize = 1000;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<(string Connection, string Job), Pump> _pumps = new();

    public void Open(string connectionId, string jobId)
    {
        var key = (connectionId, jobId);
        if (!_pumps.ContainsKey(key))
        {
            var pump = new Pump();
            if (_pumps.TryAdd(key, pump))
            {
                pump.Running = RunAsync(connectionId, jobId, pump);
            }
        }
    }

    public void Close(string connectionId, string jobId)
    {
        if (_pumps.TryRemove((connectionId, jobId), out var pump))
        {
            pump.Stop();
        }
    }

    public void CloseAll(string connectionId)
    {
        foreach (var key in _pumps.Keys.Where(key => key.Connection == connectionId))
        {
            Close(key.Connection, key.Job);
        }
    }

    /// <summary>The job's log grew: its pumps read on.</summary>
    public void Notify(string jobId)
    {
        foreach (var (key, pump) in _pumps)
        {
            if (key.Job == jobId)
            {
                pump.Wake();
            }
        }
    }

    public void Dispose()
    {
        foreach (var pump in _pumps.Values)
        {
            pump.Stop();
        }
    }

    private async Task RunAsync(string connectionId, string jobId, Pump pump)
    {
        var log = grains.GetGrain<IJobLogGrain>(jobId);
        var client = hub.Clients.Client(connectionId);
        long after = 0;
        while (!pump.Stopping.IsCancellationRequested)
        {
            try
            {
                var page = await log.ReadAsync(task: null, after, PageSize);
                if (page.Lines.Count > 0)
                {
                    await client.SendAsync(HubMethods.LogLines, jobId, page.Lines, pump.Stopping.Token);
                    after = page.Next;
                    continue;
                }

                await pump.WaitAsync(Poll);
            }
            catch (OperationCanceledException) when (pump.Stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A read that timed out on a loaded control plane must not end the stream: the
                // subscriber would silently miss every later line. Retry from the same seq.
                LogPumpRetry(logger, exception, jobId, connectionId);
                await pump.WaitAsync(Poll).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the log of job {JobId} for {ConnectionId} failed; retrying")]
    private static partial void LogPumpRetry(ILogger logger, Exception exception, string jobId, string connectionId);

    private sealed class Pump
    {
        private readonly SemaphoreSlim _wake = new(0, 1);

        public CancellationTokenSource Stopping { get; } = new();

        public Task Running { get; set; } = Task.CompletedTask;

        public void Wake()
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken: it will read everything there is.
            }
        }

        public Task WaitAsync(TimeSpan timeout) => _wake.WaitAsync(timeout, Stopping.Token);

        public void Stop() => Stopping.Cancel();
    }
}
