using System.Data.Common;
using Orleans.Serialization;
using Platform.Contracts.Jobs;

namespace Platform.Grains.Jobs;

/// <summary>Reading the job index's rows, the same for its SQLite and PostgreSQL tables.</summary>
public static class JobIndexRows
{
    /// <summary>
    /// A page from rows whose first column is a serialized <see cref="JobView"/>, read with a limit
    /// one more than <paramref name="limit"/>: that extra row says whether another page follows.
    /// </summary>
    public static async Task<JobPage> ReadPageAsync(DbDataReader reader, Serializer serializer, int limit)
    {
        var jobs = new List<JobView>();
        while (await reader.ReadAsync())
        {
            jobs.Add(serializer.Deserialize<JobView>((byte[])reader[0])!);
        }

        if (jobs.Count <= limit)
        {
            return new JobPage(jobs, null);
        }

        jobs.RemoveAt(jobs.Count - 1);
        return new JobPage(jobs, new JobCursor(jobs[^1].CreatedAt, jobs[^1].Id));
    }

    /// <summary>Counts from rows of (state, count).</summary>
    public static async Task<IReadOnlyDictionary<JobState, long>> ReadCountsAsync(DbDataReader reader)
    {
        var counts = new Dictionary<JobState, long>();
        while (await reader.ReadAsync())
        {
            // A state this version does not know (written by a newer one) is left out rather than failing the scrape.
            if (Enum.TryParse<JobState>(reader.GetString(0), out var state))
            {
                counts[state] = reader.GetInt64(1);
            }
        }

        return counts;
    }
}
