namespace Platform.Training.Server;

/// <summary>What an asynchronous shard does with one push.</summary>
internal enum AsyncOffer
{
    /// <summary>Apply it now.</summary>
    Apply,

    /// <summary>A retry of a push already applied: ignore.</summary>
    Duplicate,

    /// <summary>Computed from values older than the staleness bound allows: drop.</summary>
    TooStale,
}
