using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Notebooks;

namespace Platform.Contracts.Feed;

/// <summary>A gateway listening for what changes, to push it to browsers and CLIs (GPSTracker's shape).</summary>
public interface IJobFeedObserver : IGrainObserver
{
    [Orleans.Concurrency.OneWay]
    Task JobUpdated(JobView job);

    /// <summary>A job's log now holds lines up to <paramref name="lastSeq"/>; readers fetch them by seq.</summary>
    [Orleans.Concurrency.OneWay]
    Task LinesAppended(string jobId, long lastSeq);

    [Orleans.Concurrency.OneWay]
    Task MetricPointsAdded(string jobId, IReadOnlyList<MetricPoint> points);

    [Orleans.Concurrency.OneWay]
    Task NotebookUpdated(NotebookView notebook);
}
