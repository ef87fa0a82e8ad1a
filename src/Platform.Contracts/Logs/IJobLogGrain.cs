namespace Platform.Contracts.Logs;

/// <summary>The log of one job (key: job id): numbers lines in arrival order and stores them.</summary>
public interface IJobLogGrain : IGrainWithStringKey
{
    Task AppendAsync(IReadOnlyList<LogEntry> entries);

    Task<LogPage> ReadAsync(string? task, long after, int limit);

    /// <summary>The offset of the last stored line of a source; a follower that starts again skips up to it.</summary>
    Task<long> GetShippedAsync(string source);

    /// <summary>Every series the job's tasks reported with <c>@metric</c> lines.</summary>
    Task<IReadOnlyList<MetricSeries>> GetMetricsAsync();

    /// <summary>Removes every line and metric point of the job (when the job is pruned).</summary>
    Task DeleteAsync();
}
