namespace Platform.Training.Server;

/// <summary>A shard's state as reported to participants.</summary>
internal sealed record ShardStatusView(string Incarnation, bool Initialized, string InitId, long Step, string Layout, IReadOnlyList<int> Finished);
