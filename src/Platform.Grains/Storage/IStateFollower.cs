namespace Platform.Grains.Storage;

/// <summary>
/// Rows in another store that follow a grain's state in cluster mode (the job index and the job
/// history in PostgreSQL): the grain storage calls it after the state is written to Redis, so the
/// write is acknowledged to the grain only once both hold it. Must be idempotent: the same version
/// may be followed twice after a retry.
/// </summary>
public interface IStateFollower
{
    /// <param name="grainId">The grain whose state was written.</param>
    /// <param name="stateName">The state's name (<c>job</c> for a job).</param>
    /// <param name="version">The state's new ETag; null when the state was cleared.</param>
    /// <param name="state">The state written, or null when it was cleared.</param>
    Task FollowAsync(GrainId grainId, string stateName, string? version, object? state);
}
