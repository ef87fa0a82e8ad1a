using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Tells a notebook that a request passed the proxy, at most once per <see cref="Interval"/> per
/// notebook: idle timeouts are minutes long, so a page's burst of requests is one report.
/// </summary>
public sealed partial class ProxyActivity(IGrainFactory grains, IOptions<NotebookOptions> options, TimeProvider time, ILogger<ProxyActivity> logger)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _reported = new();

    /// <summary>A tenth of an idle minute, and never more than 10 s.</summary>
    private TimeSpan Interval => TimeSpan.FromSeconds(Math.Min(10, options.Value.MinuteSeconds / 10));

    public void Seen(string notebookId)
    {
        var now = time.GetUtcNow();
        var last = _reported.GetValueOrDefault(notebookId);
        if (now - last < Interval || !_reported.TryUpdate(notebookId, now, last) && !_reported.TryAdd(notebookId, now))
        {
            return;
        }

        _ = ReportAsync(notebookId, now);
    }

    private async Task ReportAsync(string notebookId, DateTimeOffset at)
    {
        try
        {
            await grains.GetGrain<INotebookGrain>(notebookId).ActivityAsync(at);
        }
        catch (Exception exception)
        {
            LogReportFailed(logger, exception, notebookId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reporting activity of notebook {NotebookId} failed")]
    private static partial void LogReportFailed(ILogger logger, Exception exception, string notebookId);
}
