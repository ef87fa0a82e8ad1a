namespace Platform.Contracts.Jobs;

/// <summary>
/// Lists jobs from the job index table (written with each job's state, in the same transaction),
/// never from the job grains themselves. Stateless: any activation answers.
/// </summary>
public interface IJobIndexGrain : IGrainWithStringKey
{
    /// <summary>One page, newest first.</summary>
    Task<JobPage> ListAsync(JobQuery query);

    /// <summary>How many listed jobs are in each state (a state without a job is absent): the <c>platform.jobs</c> gauge.</summary>
    Task<IReadOnlyDictionary<JobState, long>> CountByStateAsync();
}

/// <summary>
/// A page request: filters, where the previous page ended, and how many jobs at most.
/// <see cref="Teams"/>, when given, keeps the page to jobs of those teams (the caller's).
/// </summary>
[GenerateSerializer, Immutable, Alias("platform.JobQuery")]
public sealed record JobQuery(
    [property: Id(0)] JobState? State,
    [property: Id(1)] string? Team,
    [property: Id(2)] JobCursor? After,
    [property: Id(3)] int Limit,
    [property: Id(4)] IReadOnlyList<string>? Teams = null);

/// <summary>The position of a job in the newest-first order.</summary>
[GenerateSerializer, Immutable, Alias("platform.JobCursor")]
public sealed record JobCursor([property: Id(0)] DateTimeOffset CreatedAt, [property: Id(1)] string JobId);

/// <summary>Jobs newest first, and where the next page starts (null on the last page).</summary>
[GenerateSerializer, Immutable, Alias("platform.JobPage")]
public sealed record JobPage([property: Id(0)] IReadOnlyList<JobView> Jobs, [property: Id(1)] JobCursor? Next);

public static class GrainKeys
{
    public const string JobIndex = "all";
    public const string DefaultPool = "default";
}
