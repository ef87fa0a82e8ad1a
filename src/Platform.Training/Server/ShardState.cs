using Platform.Training.Optimization;

namespace Platform.Training.Server;

/// <summary>
/// One parameter server's shard: values, optimizer slots and step, with the synchronous and asynchronous
/// update rules. Empty until the chief initializes it; a new initialization replaces everything and releases
/// pushes waiting on the old one. No gRPC here: the service translates.
/// </summary>
internal sealed class ShardState(string incarnation, Action<string> log)
{
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _finished = [];
    private ShardModel? _model;

    public string Incarnation { get; } = incarnation;

    public ShardStatusView Status()
    {
        lock (_gate)
        {
            return new ShardStatusView(Incarnation, _model is not null, _model?.Settings.InitId ?? "", _model?.Step ?? 0, _model?.Settings.Layout ?? "", [.. _finished]);
        }
    }

    /// <summary>Replaces the shard's state. Empty <paramref name="slots"/> means zeroed optimizer state.</summary>
    public void Initialize(ShardSettings settings, float[] values, IReadOnlyList<float[]> slots)
    {
        if (OptimizerRule.Problem(settings.Optimizer) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (settings.Participants < 1 || values.Length != settings.Length || string.IsNullOrEmpty(settings.InitId))
        {
            throw new ArgumentException($"Initialization needs an init id, at least one participant and {settings.Length} values; got {values.Length} values for {settings.Participants} participants.");
        }

        var slotCount = OptimizerRule.SlotCount(settings.Optimizer.Kind);
        if (slots.Count != 0 && (slots.Count != slotCount || slots.Any(slot => slot.Length != settings.Length)))
        {
            throw new ArgumentException($"{settings.Optimizer.Kind} keeps {slotCount} slots of {settings.Length} values; got {slots.Count}.");
        }

        var state = slots.Count == 0 ? [.. Enumerable.Range(0, slotCount).Select(_ => new float[settings.Length])] : slots.ToArray();
        lock (_gate)
        {
            var old = _model;
            _model = new ShardModel(settings, values, state);
            old?.StepDone.TrySetResult(new ShardPushResult(ShardPushOutcome.OtherInitialization, settings.Step));
        }

        log($"initialized at step {settings.Step} ({settings.Mode}, {settings.Optimizer.Kind}, {settings.Length} values, {settings.Participants} participants, init {settings.InitId})");
    }

    /// <summary>
    /// Reads the values under the lock: the current ones, or with <paramref name="atStep"/> those of that step
    /// when it is the current one or the one before. When that step is not held, the current values are read.
    /// </summary>
    public ShardRead<T> Pull<T>(string initId, long? atStep, Func<ReadOnlySpan<float>, T> read)
    {
        lock (_gate)
        {
            if (_model is null || _model.Settings.InitId != initId)
            {
                return new ShardRead<T>(false, _model?.Step ?? 0, default);
            }

            return atStep == _model.Step - 1 && _model.Previous is { } previous
                ? new ShardRead<T>(true, _model.Step - 1, read(previous))
                : new ShardRead<T>(true, _model.Step, read(_model.Values));
        }
    }

    /// <summary>Reads values and optimizer slots under the lock, for a checkpoint.</summary>
    public ShardRead<T> ReadState<T>(string initId, Func<ReadOnlySpan<float>, IReadOnlyList<float[]>, T> read)
    {
        lock (_gate)
        {
            return _model is null || _model.Settings.InitId != initId
                ? new ShardRead<T>(false, _model?.Step ?? 0, default)
                : new ShardRead<T>(true, _model.Step, read(_model.Values, _model.Slots));
        }
    }

    /// <summary>
    /// Offers one participant's gradient. The task completes at once, except for a synchronous step still
    /// missing other participants' gradients: then it completes when the step is applied or the shard is
    /// initialized again.
    /// </summary>
    /// <exception cref="ArgumentException">Bad rank or gradient length.</exception>
    /// <exception cref="InvalidOperationException">A synchronous push for a step the shard has not reached.</exception>
    public Task<ShardPushResult> Push(string initId, int rank, long step, string session, long sequence, ReadOnlySpan<float> gradient)
    {
        lock (_gate)
        {
            if (_model is null)
            {
                return Task.FromResult(new ShardPushResult(ShardPushOutcome.NotInitialized, 0));
            }

            if (_model.Settings.InitId != initId)
            {
                return Task.FromResult(new ShardPushResult(ShardPushOutcome.OtherInitialization, _model.Step));
            }

            if (rank < 0 || rank >= _model.Settings.Participants || gradient.Length != _model.Values.Length)
            {
                throw new ArgumentException($"Push from rank {rank} with {gradient.Length} values; this shard has {_model.Settings.Participants} participants and {_model.Values.Length} values.");
            }

            return _model.Aggregator is { } aggregator ? PushSynchronous(_model, aggregator, rank, step, gradient) : Task.FromResult(PushAsynchronous(_model, rank, step, session, sequence, gradient));
        }
    }

    public ShardStatusView Finish(int rank)
    {
        lock (_gate)
        {
            _finished.Add(rank);
        }

        log($"rank {rank} finished training");
        return Status();
    }

    private static Task<ShardPushResult> PushSynchronous(ShardModel model, SyncStepAggregator aggregator, int rank, long step, ReadOnlySpan<float> gradient)
    {
        switch (aggregator.Offer(rank, step, gradient))
        {
            case SyncOffer.AlreadyApplied:
                return Task.FromResult(new ShardPushResult(ShardPushOutcome.Duplicate, model.Step));
            case SyncOffer.Ahead:
                throw new InvalidOperationException($"Rank {rank} pushed step {step}, but this shard is at step {model.Step}: pull first.");
            case SyncOffer.Completed:
                var average = aggregator.TakeAverage();
                model.Previous ??= new float[model.Values.Length];
                model.Values.CopyTo(model.Previous, 0);
                OptimizerRule.Apply(model.Settings.Optimizer, model.Values, average, model.Slots, model.Step + 1);
                model.Step++;
                var done = model.StepDone;
                model.StepDone = ShardModel.NewStepDone();
                var result = new ShardPushResult(ShardPushOutcome.Applied, model.Step);
                done.SetResult(result);
                return Task.FromResult(result);
            default:
                return model.StepDone.Task;
        }
    }

    private static ShardPushResult PushAsynchronous(ShardModel model, int rank, long step, string session, long sequence, ReadOnlySpan<float> gradient)
    {
        switch (model.Filter!.Decide(rank, session, sequence, step, model.Step))
        {
            case AsyncOffer.Duplicate:
                return new ShardPushResult(ShardPushOutcome.Duplicate, model.Step);
            case AsyncOffer.TooStale:
                return new ShardPushResult(ShardPushOutcome.TooStale, model.Step);
            default:
                OptimizerRule.Apply(model.Settings.Optimizer, model.Values, gradient, model.Slots, model.Step + 1);
                model.Step++;
                return new ShardPushResult(ShardPushOutcome.Applied, model.Step);
        }
    }
}
