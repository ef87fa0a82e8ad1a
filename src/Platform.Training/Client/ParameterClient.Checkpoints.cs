using Platform.Training.Checkpoints;
using Platform.Training.Optimization;
using Platform.Training.Protocol;

namespace Platform.Training;

/// <summary>Checkpoints and the end of training.</summary>
public sealed partial class ParameterClient
{
    /// <summary>Writes a checkpoint when the step crossed a multiple of <see cref="ParameterClientOptions.CheckpointEverySteps"/>; returns the step to go on from.</summary>
    private async Task<long> CheckpointIfDueAsync(long step, CancellationToken cancellationToken)
    {
        var every = _options.CheckpointEverySteps;
        if (_checkpoints is null || every <= 0 || step / every <= _lastCheckpointStep / every || step <= _lastCheckpointStep)
        {
            return step;
        }

        return await WriteCheckpointAsync(cancellationToken);
    }

    /// <summary>Reads every shard's values and optimizer slots and writes them as one checkpoint; returns its step (after a recovery, the step restored instead).</summary>
    private async Task<long> WriteCheckpointAsync(CancellationToken cancellationToken)
    {
        var initId = InitId;
        var replies = await Task.WhenAll(_shards.Select(shard =>
            shard.CallAsync("read state", (client, call) => client.ReadStateAsync(new ReadStateRequest { InitId = initId }, call), _options.ConnectTimeout, cancellationToken)));
        if (replies.Any(reply => !reply.Matched))
        {
            return await RecoverAsync([.. replies.Select(reply => reply.Status)], cancellationToken);
        }

        var step = replies.Min(reply => reply.Step);
        var values = _layout.NewValues();
        var slots = Enumerable.Range(0, OptimizerRule.SlotCount(_options.Optimizer.Kind)).Select(_ => _layout.NewValues()).ToArray();
        for (var shard = 0; shard < _shards.Length; shard++)
        {
            _layout.Scatter(shard, WireFloats.AsFloats(replies[shard].Values), values);
            for (var slot = 0; slot < slots.Length; slot++)
            {
                _layout.Scatter(shard, WireFloats.AsFloats(replies[shard].Slots[slot]), slots[slot]);
            }
        }

        var checkpoint = new Checkpoint(step, _options.Optimizer.Kind, [.. Parameters.Select((parameter, index) =>
            new CheckpointParameter(parameter.Name, parameter.Shape, values[index], [.. slots.Select(slot => slot[index])]))]);
        var path = await Task.Run(() => _checkpoints!.Save(checkpoint), cancellationToken);
        _lastCheckpointStep = step;
        _checkpointOnDisk = step;
        _log($"checkpoint at step {step} written to {path}");
        return step;
    }

    /// <summary>The last checkpoint, unless the one on disk already holds this step (synchronous mode: nothing changed since).</summary>
    private async Task<long> WriteFinalCheckpointAsync(CancellationToken cancellationToken)
    {
        if (Synchronous && _checkpointOnDisk >= 0)
        {
            var status = await _shards[0].CallAsync("status", (client, call) => client.GetStatusAsync(new StatusRequest(), call), _options.ConnectTimeout, cancellationToken);
            if (status.InitId == _initId && status.Step == _checkpointOnDisk)
            {
                return status.Step;
            }
        }

        return await WriteCheckpointAsync(cancellationToken);
    }

    private async Task ReportFinishedAsync(CancellationToken cancellationToken)
    {
        var request = new FinishRequest { InitId = _initId ?? "", Rank = Cluster.Rank };
        try
        {
            await _shards[0].CallAsync("finish", (client, call) => client.FinishAsync(request, call), EndPatience, cancellationToken);
            _log("finished training");
        }
        catch (TrainingException exception)
        {
            _log($"finished training; could not tell {_shards[0].Name} ({exception.Message})");
        }
    }

    private async Task WaitForOthersToFinishAsync(CancellationToken cancellationToken)
    {
        var others = Enumerable.Range(1, Cluster.ParticipantCount - 1).ToHashSet();
        var deadline = DateTime.UtcNow + _options.FinishTimeout;
        while (others.Count > 0)
        {
            var status = await _shards[0].CallAsync("status", (client, call) => client.GetStatusAsync(new StatusRequest(), call), _options.ConnectTimeout, cancellationToken);
            others.ExceptWith(status.Finished);
            if (others.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                _log($"ranks {string.Join(", ", others)} did not finish within {_options.FinishTimeout.TotalSeconds:F0} s; stopping the parameter servers anyway");
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
