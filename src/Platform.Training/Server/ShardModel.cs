namespace Platform.Training.Server;

/// <summary>The mutable state of one initialized shard; only <see cref="ShardState"/> touches it, under its lock.</summary>
internal sealed class ShardModel
{
    public ShardModel(ShardSettings settings, float[] values, float[][] slots)
    {
        Settings = settings;
        Values = values;
        Slots = slots;
        Step = settings.Step;
        Aggregator = settings.Mode == UpdateMode.Synchronous ? new SyncStepAggregator(settings.Participants, settings.Length, settings.Step) : null;
        Filter = settings.Mode == UpdateMode.Asynchronous ? new AsyncPushFilter(settings.MaxStaleness) : null;
    }

    public ShardSettings Settings { get; }

    public float[] Values { get; }

    public float[][] Slots { get; }

    public long Step { get; set; }

    /// <summary>The values of step <c>Step - 1</c> (synchronous mode, after the first applied step).</summary>
    public float[]? Previous { get; set; }

    public SyncStepAggregator? Aggregator { get; }

    public AsyncPushFilter? Filter { get; }

    /// <summary>Completed when the current synchronous step is applied, or the shard is initialized again.</summary>
    public TaskCompletionSource<ShardPushResult> StepDone { get; set; } = NewStepDone();

    public static TaskCompletionSource<ShardPushResult> NewStepDone() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
