using Platform.Contracts.Logs;

namespace Platform.Grains.Logs;

/// <summary>Where log lines are kept after the containers are gone (SQLite embedded, Redis in cluster mode).</summary>
public interface ILogStore
{
    Task AppendAsync(string jobId, IReadOnlyList<StoredLine> lines);

    Task<IReadOnlyList<LogLine>> ReadAsync(string jobId, string? task, long after, int limit);

    Task<long> GetLastSeqAsync(string jobId);

    Task AppendMetricsAsync(string jobId, IReadOnlyList<MetricPoint> points);

    /// <summary>Every metric point of a job, by task and name, oldest first.</summary>
    Task<IReadOnlyList<MetricPoint>> ReadMetricsAsync(string jobId);

    /// <summary>The offset of the last stored line of a source, 0 when none is stored.</summary>
    Task<long> GetLastOffsetAsync(string jobId, string source);
}
