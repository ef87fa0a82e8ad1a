using Platform.Contracts.Logs;

namespace Platform.Grains.Logs;

/// <summary>Where log lines are kept after the containers are gone (SQLite embedded, Redis in cluster mode).</summary>
public interface ILogStore
{
    /// <summary>Stores lines and the metric points read from them in one transaction: both or neither.</summary>
    Task AppendAsync(string jobId, IReadOnlyList<StoredLine> lines, IReadOnlyList<MetricPoint> points);

    Task<IReadOnlyList<LogLine>> ReadAsync(string jobId, string? task, long after, int limit);

    Task<long> GetLastSeqAsync(string jobId);

    /// <summary>Every metric point of a job, by task and name, oldest first.</summary>
    Task<IReadOnlyList<MetricPoint>> ReadMetricsAsync(string jobId);

    /// <summary>The offset of the last stored line of a source, 0 when none is stored.</summary>
    Task<long> GetLastOffsetAsync(string jobId, string source);

    /// <summary>Removes every line and metric point of a job.</summary>
    Task DeleteAsync(string jobId);
}
