using Orleans.Utilities;
using Platform.Contracts.Feed;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Notebooks;

namespace Platform.Grains.Feed;

/// <summary>
/// Fans job changes out to the gateways' observers. It keeps no state: a gateway that is not
/// heard from within <see cref="ObserverExpiry"/> is forgotten, and gateways subscribe again
/// periodically, so a restarted silo is caught up within that period.
/// </summary>
public sealed class JobFeedGrain(ILogger<JobFeedGrain> logger) : Grain, IJobFeedGrain
{
    public static readonly TimeSpan ObserverExpiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IJobFeedObserver> _observers = new(ObserverExpiry, logger);

    public Task SubscribeAsync(IJobFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IJobFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishJobAsync(JobView job) => _observers.Notify(observer => observer.JobUpdated(job));

    public Task PublishLinesAsync(string jobId, long lastSeq) => _observers.Notify(observer => observer.LinesAppended(jobId, lastSeq));

    public Task PublishMetricsAsync(string jobId, IReadOnlyList<MetricPoint> points) =>
        _observers.Notify(observer => observer.MetricPointsAdded(jobId, points));

    public Task PublishNotebookAsync(NotebookView notebook) => _observers.Notify(observer => observer.NotebookUpdated(notebook));
}
