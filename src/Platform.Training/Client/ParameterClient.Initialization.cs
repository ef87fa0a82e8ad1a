using Platform.Training.Checkpoints;
using Platform.Training.Optimization;
using Platform.Training.Protocol;
using Platform.Training.Sharding;

namespace Platform.Training;

/// <summary>Initialization, joining, and recovery after a parameter server or chief restart.</summary>
public sealed partial class ParameterClient
{
    /// <summary>Chief: initializes every shard from the newest checkpoint, else the initial values, under a new init id.</summary>
    private async Task<long> InitializeShardsAsync(CancellationToken cancellationToken)
    {
        var latest = _checkpoints?.Latest();
        var state = latest is { } found ? FromCheckpoint(found.Checkpoint, found.Path) : FromInitialValues();
        var initId = Guid.NewGuid().ToString("N");
        await Task.WhenAll(_shards.Select(shard =>
            shard.CallAsync("initialize", (client, call) => client.InitializeAsync(InitializeRequestFor(shard.Index, state, initId), call), _options.ConnectTimeout, cancellationToken)));
        _initId = initId;
        _lastCheckpointStep = state.Step;
        _checkpointOnDisk = latest is null ? -1 : state.Step;
        _log(latest is { } used
            ? $"resumed from checkpoint at step {state.Step} ({used.Path})"
            : $"initialized {Parameters.Count} parameters ({Parameters.Sum(parameter => parameter.Length)} values) on {_shards.Length} parameter servers at step 0");
        return state.Step;
    }

    private Checkpoint FromInitialValues()
    {
        var slots = OptimizerRule.SlotCount(_options.Optimizer.Kind);
        var initial = _initialValues ?? throw new InvalidOperationException("The chief has no initial values.");
        return new Checkpoint(0, _options.Optimizer.Kind, [.. Parameters.Select((parameter, index) =>
            new CheckpointParameter(parameter.Name, parameter.Shape, initial[index], [.. Enumerable.Range(0, slots).Select(_ => new float[parameter.Length])]))]);
    }

    private Checkpoint FromCheckpoint(Checkpoint checkpoint, string path)
    {
        var byName = checkpoint.Parameters.ToDictionary(parameter => parameter.Name, StringComparer.Ordinal);
        var problems = Parameters
            .Where(parameter => !byName.TryGetValue(parameter.Name, out var stored) || !stored.Shape.SequenceEqual(parameter.Shape))
            .Select(parameter => $"'{parameter.Name}' [{string.Join(", ", parameter.Shape)}]")
            .ToList();
        if (problems.Count > 0 || byName.Count != Parameters.Count)
        {
            throw new TrainingException($"Checkpoint {path} does not fit this model (missing or reshaped: {string.Join(", ", problems)}; it holds {byName.Count} parameters, the model {Parameters.Count}). Use another checkpoint directory for another model.");
        }

        var ordered = Parameters.Select(parameter => byName[parameter.Name]).ToList();
        if (checkpoint.Optimizer == _options.Optimizer.Kind)
        {
            return checkpoint with { Parameters = ordered };
        }

        _log($"checkpoint {path} holds {checkpoint.Optimizer} state; starting {_options.Optimizer.Kind} state from zero");
        var slots = OptimizerRule.SlotCount(_options.Optimizer.Kind);
        return new Checkpoint(checkpoint.Step, _options.Optimizer.Kind, [.. ordered.Select(parameter =>
            parameter with { Slots = [.. Enumerable.Range(0, slots).Select(_ => new float[parameter.Values.Length])] })]);
    }

    private InitializeRequest InitializeRequestFor(int shard, Checkpoint state, string initId)
    {
        var request = new InitializeRequest
        {
            InitId = initId,
            Step = state.Step,
            Mode = WireSettings.ToWire(_options.Mode),
            Participants = Cluster.ParticipantCount,
            Optimizer = WireSettings.ToWire(_options.Optimizer),
            Layout = _layout.Fingerprint,
            Values = WireFloats.ToBytes(_layout.Gather(shard, [.. state.Parameters.Select(parameter => parameter.Values)])),
            MaxStaleness = _options.MaxStaleness,
        };
        request.Blocks.AddRange(_layout.Shards[shard].Blocks.Select(block => new Block { Parameter = block.Parameter, Offset = block.Offset, Length = block.Length }));
        for (var slot = 0; slot < OptimizerRule.SlotCount(state.Optimizer); slot++)
        {
            request.Slots.Add(WireFloats.ToBytes(_layout.Gather(shard, [.. state.Parameters.Select(parameter => parameter.Slots[slot])])));
        }

        return request;
    }

    /// <summary>Waits until every shard is initialized with one init id and this model's layout; returns their (smallest) step.</summary>
    private async Task<long> WaitForInitializationAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _options.InitializeTimeout;
        while (true)
        {
            var statuses = await Task.WhenAll(_shards.Select(shard =>
                shard.CallAsync("status", (client, call) => client.GetStatusAsync(new StatusRequest(), call), _options.ConnectTimeout, cancellationToken)));
            if (statuses.All(status => status.Initialized) && statuses.Select(status => status.InitId).Distinct().Count() == 1)
            {
                if (statuses.FirstOrDefault(status => status.Layout != _layout.Fingerprint) is { } other)
                {
                    throw new TrainingException($"The chief initialized the parameter servers with another model layout ({other.Layout}, this task's is {_layout.Fingerprint}): every participant must declare the same parameters in the same order, with the same MaxBlockElements.");
                }

                _initId = statuses[0].InitId;
                return statuses.Min(status => status.Step);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TrainingException($"The chief ({Cluster.Participants[0]}) did not initialize the parameter servers within {_options.InitializeTimeout.TotalSeconds:F0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// A shard lost its state or was initialized again. The chief re-initializes every shard from the last
    /// checkpoint; others wait for it. Returns the step training goes on from.
    /// </summary>
    private async Task<long> RecoverAsync(IReadOnlyList<ShardStatus> statuses, CancellationToken cancellationToken)
    {
        if (!Cluster.IsChief)
        {
            _log("the parameter servers lost their state or were re-initialized; waiting for the chief");
            var step = await WaitForInitializationAsync(cancellationToken);
            _log($"continuing from step {step} after the parameter servers were re-initialized");
            return step;
        }

        if (statuses.FirstOrDefault(status => status.Initialized && status.InitId != _initId) is { } foreign)
        {
            throw new TrainingException($"A parameter server was initialized by another chief (init {foreign.InitId}, incarnation {foreign.Incarnation}): is a second chief of this job running?");
        }

        var lost = string.Join(", ", statuses.Where(status => !status.Initialized).Select(status => $"incarnation {status.Incarnation}"));
        _log($"a parameter server restarted and lost its state ({lost}); re-initializing all parameter servers from the last checkpoint, rolling the step back");
        return await InitializeShardsAsync(cancellationToken);
    }

    /// <summary>
    /// Synchronous mode: makes every reply hold the values of <paramref name="step"/>. A shard one step ahead
    /// (it applied the step before another shard collected every gradient, as after a worker restart) still
    /// has them. False when the shards moved meanwhile: pull again.
    /// </summary>
    private async Task<bool> AlignAsync(PullReply[] replies, long step, CancellationToken cancellationToken)
    {
        for (var index = 0; index < replies.Length; index++)
        {
            if (replies[index].Step == step)
            {
                continue;
            }

            if (replies[index].Step != step + 1)
            {
                return false;
            }

            var request = new PullRequest { InitId = InitId, AtStep = true, Step = step };
            var earlier = await _shards[index].CallAsync("pull", (client, call) => client.PullAsync(request, call), _options.ConnectTimeout, cancellationToken);
            if (!earlier.Matched || earlier.Step != step)
            {
                return false;
            }

            replies[index] = earlier;
        }

        return true;
    }
}
