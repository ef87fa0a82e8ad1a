namespace Platform.Contracts.Logs;

/// <summary>The log of one job (key: job id): numbers lines in arrival order and stores them.</summary>
public interface IJobLogGrain : IGrainWithStringKey
{
    Task AppendAsync(IReadOnlyList<LogEntry> entries);

    Task<LogPage> ReadAsync(string? task, long after, int limit);

    /// <summary>Time of the newest stored line of a task, so a re-adopting agent ships no line twice.</summary>
    Task<DateTimeOffset?> GetLastTimeAsync(string task);
}
