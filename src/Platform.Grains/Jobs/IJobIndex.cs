using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>The job list as a table (SQLite embedded, PostgreSQL in cluster mode), kept with the jobs' state.</summary>
public interface IJobIndex
{
    /// <summary>One page of the jobs users submitted (not the platform's own, such as notebooks), newest first.</summary>
    Task<JobPage> ListAsync(JobQuery query);

    /// <summary>How many listed jobs (not notebooks) are in each state; a state without a job is absent. One grouped query over an index.</summary>
    Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync();

    /// <summary>Up to <paramref name="limit"/> ids of listed jobs (not a notebook's, which its notebook keeps) that finished before <paramref name="cutoff"/>, oldest first.</summary>
    Task<IReadOnlyList<string>> FinishedBeforeAsync(DateTimeOffset cutoff, int limit);

    /// <summary>
    /// Writes the entry of every job whose stored state it does not match (state written before the
    /// index existed, or by another version); answers how many it wrote.
    /// </summary>
    Task<int> RepairAsync();
}
