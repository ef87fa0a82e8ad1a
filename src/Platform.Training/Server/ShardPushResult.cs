namespace Platform.Training.Server;

/// <summary>A push's outcome and the shard's step after it.</summary>
internal readonly record struct ShardPushResult(ShardPushOutcome Outcome, long Step);
