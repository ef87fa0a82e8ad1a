namespace Platform.Contracts.Jobs;

/// <summary>The list of every job, for listing and filtering (single activation, key "all").</summary>
public interface IJobIndexGrain : IGrainWithStringKey
{
    Task UpsertAsync(JobSummary summary);

    /// <summary>Newest first, optionally filtered by state and team.</summary>
    Task<IReadOnlyList<JobSummary>> ListAsync(JobState? state, string? team);
}

[GenerateSerializer, Immutable, Alias("platform.JobSummary")]
public sealed record JobSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Team,
    [property: Id(3)] JobState State,
    [property: Id(4)] DateTimeOffset CreatedAt);

public static class GrainKeys
{
    public const string JobIndex = "all";
    public const string DefaultPool = "default";
}
