namespace Platform.Training.Server;

/// <summary>What a synchronous shard does with one participant's gradient.</summary>
internal enum SyncOffer
{
    /// <summary>Kept; other participants' gradients for this step are still missing.</summary>
    Accepted,

    /// <summary>Kept, and it was the last one missing: the step can be applied.</summary>
    Completed,

    /// <summary>This participant's gradient for this step is already kept; the repeat is ignored.</summary>
    Duplicate,

    /// <summary>The step was applied already; the repeat is ignored.</summary>
    AlreadyApplied,

    /// <summary>The step is beyond the shard's: the sender has not seen this step's values.</summary>
    Ahead,
}
