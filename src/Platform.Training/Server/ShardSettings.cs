namespace Platform.Training.Server;

/// <summary>What the chief initializes a shard with, besides its values and optimizer slots.</summary>
internal sealed record ShardSettings(
    string InitId,
    long Step,
    UpdateMode Mode,
    int Participants,
    OptimizerSettings Optimizer,
    int Length,
    string Layout,
    long MaxStaleness);
