namespace Platform.Training.Sharding;

/// <summary>A contiguous run of one parameter's values held by one parameter server.</summary>
/// <param name="Parameter">Index of the parameter in the model's list.</param>
/// <param name="Offset">Index of the block's first value within the parameter.</param>
/// <param name="Length">Number of values.</param>
internal sealed record ShardBlock(int Parameter, long Offset, int Length);
