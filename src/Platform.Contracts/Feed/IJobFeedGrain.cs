using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Notebooks;

namespace Platform.Contracts.Feed;

/// <summary>
/// Fans job and notebook changes out to every gateway (key <see cref="Key"/>). Gateways subscribe an observer and
/// subscribe again periodically; an observer not renewed expires. Publishing is one-way: a job or
/// log never waits on a gateway.
/// </summary>
public interface IJobFeedGrain : IGrainWithStringKey
{
    const string Key = "all";

    Task SubscribeAsync(IJobFeedObserver observer);

    Task UnsubscribeAsync(IJobFeedObserver observer);

    [Orleans.Concurrency.OneWay]
    Task PublishJobAsync(JobView job);

    [Orleans.Concurrency.OneWay]
    Task PublishLinesAsync(string jobId, long lastSeq);

    [Orleans.Concurrency.OneWay]
    Task PublishMetricsAsync(string jobId, IReadOnlyList<MetricPoint> points);

    [Orleans.Concurrency.OneWay]
    Task PublishNotebookAsync(NotebookView notebook);
}
