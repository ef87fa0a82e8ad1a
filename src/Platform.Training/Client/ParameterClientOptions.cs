namespace Platform.Training;

/// <summary>How a participant trains with the parameter servers. All participants of a job must pass the same values.</summary>
public sealed class ParameterClientOptions
{
    /// <summary>Default for <see cref="ConnectTimeout"/>.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Default for <see cref="MaxBlockElements"/>: 1 Mi floats (4 MiB).</summary>
    public const int DefaultMaxBlockElements = 1 << 20;

    /// <summary>Default for <see cref="MaxMessageBytes"/>: 256 MiB.</summary>
    public const int DefaultMaxMessageBytes = 256 << 20;

    /// <summary>Synchronous (default) or asynchronous updates.</summary>
    public UpdateMode Mode { get; init; } = UpdateMode.Synchronous;

    /// <summary>The optimizer the parameter servers apply. Required.</summary>
    public required OptimizerSettings Optimizer { get; init; }

    /// <summary>Where the chief writes checkpoints and looks for one to resume from; null for no checkpoints.</summary>
    public string? CheckpointDirectory { get; init; }

    /// <summary>The chief writes a checkpoint whenever a push brings the step to a multiple of this; 0 writes only at <see cref="ParameterClient.FinishAsync"/>.</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>How long to keep retrying a parameter server that does not answer (not up yet, restarting) before failing.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>How long a participant other than the chief waits for the chief to initialize the parameter servers.</summary>
    public TimeSpan InitializeTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the chief's <see cref="ParameterClient.FinishAsync"/> waits for the other participants to finish before stopping the parameter servers.</summary>
    public TimeSpan FinishTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Asynchronous mode: drop a gradient computed more than this many steps before the shard's current step; 0 never drops.</summary>
    public long MaxStaleness { get; init; }

    /// <summary>Parameters longer than this are split into blocks of at most this many values, spread over the parameter servers.</summary>
    public int MaxBlockElements { get; init; } = DefaultMaxBlockElements;

    /// <summary>The largest gRPC message sent or received, on both ends (the parameter servers take it from the chief's initialization).</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>Where progress lines go (resume, recovery, checkpoints); standard output when null.</summary>
    public Action<string>? Log { get; init; }
}
