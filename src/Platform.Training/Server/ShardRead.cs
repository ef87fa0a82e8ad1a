namespace Platform.Training.Server;

/// <summary>The result of reading a shard: whether it held the requested initialization, its step, and what was read.</summary>
internal readonly record struct ShardRead<T>(bool Matched, long Step, T? Data);
