namespace Platform.Training.Server;

/// <summary>How a push ended on a shard.</summary>
internal enum ShardPushOutcome
{
    /// <summary>Applied (asynchronous), or its step was applied with it (synchronous).</summary>
    Applied,

    /// <summary>A repeat of a push already counted; nothing was applied again.</summary>
    Duplicate,

    /// <summary>The shard has no state (a restarted parameter server); the chief must initialize it.</summary>
    NotInitialized,

    /// <summary>The shard was initialized again (another init id) since the sender pulled; the sender must resynchronize.</summary>
    OtherInitialization,

    /// <summary>Asynchronous mode: the gradient was older than the staleness bound and was dropped.</summary>
    TooStale,
}
