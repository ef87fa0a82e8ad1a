using Platform.Training.Checkpoints;
using Platform.Training.Client;
using Platform.Training.Optimization;
using Platform.Training.Protocol;
using Platform.Training.Sharding;

namespace Platform.Training;

/// <summary>
/// A training participant's (chief's or worker's) connection to all parameter servers. The typical loop:
/// <code>
/// var step = await client.InitializeAsync(initialValues, ct);
/// while (step &lt; totalSteps)
/// {
///     var snapshot = await client.PullAsync(ct);
///     var gradients = ComputeGradients(snapshot.Values, snapshot.Step);
///     step = await client.PushAsync(snapshot.Step, gradients, ct);
/// }
/// await client.FinishAsync(ct);
/// </code>
/// A step can go backwards: after a parameter server or chief restart training resumes from the last
/// checkpoint, and <see cref="PushAsync"/> and <see cref="PullAsync"/> return that step.
/// Not thread-safe: one training loop drives one client.
/// </summary>
public sealed partial class ParameterClient : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan EndPatience = TimeSpan.FromSeconds(10);

    private readonly ParameterClientOptions _options;
    private readonly ShardLayout _layout;
    private readonly ShardConnection[] _shards;
    private readonly CheckpointStore? _checkpoints;
    private readonly Action<string> _log;
    private readonly string _session = Guid.NewGuid().ToString("N");
    private long _sequence;
    private string? _initId;
    private float[][]? _initialValues;
    private long _lastCheckpointStep;
    private long _checkpointOnDisk = -1;

    private ParameterClient(TrainingCluster cluster, IReadOnlyList<ParameterInfo> parameters, ParameterClientOptions options)
    {
        Cluster = cluster;
        Parameters = [.. parameters];
        _options = options;
        var write = options.Log ?? Console.WriteLine;
        _log = line => write($"{cluster.TaskName}: {line}");
        _layout = ShardLayout.Plan(Parameters, cluster.ParameterServers.Count, options.MaxBlockElements);
        _shards = [.. cluster.ParameterServers.Select((address, index) => new ShardConnection(index, address, options.MaxMessageBytes, cluster.JobSecret, _log))];
        _checkpoints = cluster.IsChief && options.CheckpointDirectory is { } directory ? new CheckpointStore(directory, _log) : null;
    }

    /// <summary>This task's place in the cluster.</summary>
    public TrainingCluster Cluster { get; }

    /// <summary>The model's parameters, in the order of every value list this client takes and returns.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; }

    private bool Synchronous => _options.Mode == UpdateMode.Synchronous;

    private string InitId => _initId ?? throw new InvalidOperationException("Call InitializeAsync before pulling or pushing.");

    /// <summary>
    /// Opens channels to every parameter server of <paramref name="cluster"/>. Nothing is sent yet; servers
    /// that are not up are waited for (up to <see cref="ParameterClientOptions.ConnectTimeout"/>) by the first call.
    /// </summary>
    /// <exception cref="TrainingException">The cluster has no ps, this task is not a participant, or the parameters or options are invalid.</exception>
    public static Task<ParameterClient> ConnectAsync(
        TrainingCluster cluster,
        IReadOnlyList<ParameterInfo> parameters,
        ParameterClientOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        ClientChecks.Check(cluster, parameters, options);
        return Task.FromResult(new ParameterClient(cluster, parameters, options));
    }

    /// <summary>
    /// Chief: initializes every parameter server from the newest checkpoint in
    /// <see cref="ParameterClientOptions.CheckpointDirectory"/> if there is one (logging
    /// <c>resumed from checkpoint at step N</c>), else from <paramref name="initialValues"/> at step 0.
    /// Other participants: wait until the chief has initialized the servers (up to
    /// <see cref="ParameterClientOptions.InitializeTimeout"/>). Returns the step to start at.
    /// </summary>
    /// <param name="initialValues">One array per parameter; only the chief's are used, others may pass the same or an empty list.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public async Task<long> InitializeAsync(IReadOnlyList<float[]> initialValues, CancellationToken cancellationToken)
    {
        if (!Cluster.IsChief)
        {
            var joined = await WaitForInitializationAsync(cancellationToken);
            _log($"joined training at step {joined} ({Cluster.ParticipantCount} participants, {_shards.Length} parameter servers)");
            return joined;
        }

        ParameterValidation.CheckValues(Parameters, initialValues, "Initial values");
        _initialValues = [.. initialValues.Select(values => values.ToArray())];
        return await InitializeShardsAsync(cancellationToken);
    }

    /// <summary>The current parameters and the step they belong to (synchronous mode: the same step on every shard).</summary>
    public async Task<ParameterSnapshot> PullAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var initId = InitId;
            var replies = await Task.WhenAll(_shards.Select(shard =>
                shard.CallAsync("pull", (client, call) => client.PullAsync(new PullRequest { InitId = initId }, call), _options.ConnectTimeout, cancellationToken)));
            if (replies.Any(reply => !reply.Matched))
            {
                await RecoverAsync([.. replies.Select(reply => reply.Status)], cancellationToken);
                continue;
            }

            var step = replies.Min(reply => reply.Step);
            if (Synchronous && !await AlignAsync(replies, step, cancellationToken))
            {
                await Task.Delay(PollInterval, cancellationToken);
                continue;
            }

            var values = _layout.NewValues();
            for (var shard = 0; shard < _shards.Length; shard++)
            {
                _layout.Scatter(shard, WireFloats.AsFloats(replies[shard].Values), values);
            }

            return new ParameterSnapshot(step, values);
        }
    }

    /// <summary>
    /// Pushes this participant's gradients (one array per parameter) computed from the values of
    /// <paramref name="step"/>. Synchronous mode: completes when every participant's gradient for that step
    /// has been averaged and applied, returning the next step; a repeated push of the same step is never
    /// applied twice. Asynchronous mode: completes once applied, returning the servers' step. After a
    /// parameter server restart it returns the checkpoint step training resumes from. The chief writes a
    /// checkpoint here every <see cref="ParameterClientOptions.CheckpointEverySteps"/> steps.
    /// </summary>
    public async Task<long> PushAsync(long step, IReadOnlyList<float[]> gradients, CancellationToken cancellationToken)
    {
        ParameterValidation.CheckValues(Parameters, gradients, "Gradients");
        var initId = InitId;
        var sequence = ++_sequence;
        var requests = _shards.Select(shard => new PushRequest
        {
            InitId = initId,
            Rank = Cluster.Rank,
            Step = step,
            Session = _session,
            Sequence = sequence,
            Gradients = WireFloats.ToBytes(_layout.Gather(shard.Index, gradients)),
        }).ToArray();

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var calls = _shards.Select(shard => shard.CallAsync("push", (client, call) => client.PushAsync(requests[shard.Index], call), _options.ConnectTimeout, stop.Token)).ToList();
        var replies = new List<PushReply>();
        var pending = calls.ToList();
        try
        {
            while (pending.Count > 0)
            {
                var done = await Task.WhenAny(pending);
                pending.Remove(done);
                var reply = await done;
                if (reply.Outcome is PushOutcome.NotInitialized or PushOutcome.OtherInitialization)
                {
                    // The step is void everywhere once any shard lost or replaced its state: stop waiting on the others.
                    await stop.CancelAsync();
                    await DrainAsync(pending);
                    return await RecoverAsync([reply.Status], cancellationToken);
                }

                replies.Add(reply);
            }
        }
        catch (Exception)
        {
            await stop.CancelAsync();
            await DrainAsync(pending);
            throw;
        }

        var newStep = replies.Max(reply => reply.Step);
        return Cluster.IsChief ? await CheckpointIfDueAsync(newStep, cancellationToken) : newStep;
    }

    /// <summary>Chief only: writes a checkpoint (values, optimizer state, step) now, atomically.</summary>
    /// <exception cref="TrainingException">Not the chief, or no checkpoint directory was configured.</exception>
    public async Task SaveCheckpointAsync(CancellationToken cancellationToken)
    {
        if (!Cluster.IsChief)
        {
            throw new TrainingException($"Only the chief (rank 0) writes checkpoints; this task is {Cluster.TaskName}.");
        }

        if (_checkpoints is null)
        {
            throw new TrainingException("No checkpoint directory: set ParameterClientOptions.CheckpointDirectory.");
        }

        await WriteCheckpointAsync(cancellationToken);
    }

    /// <summary>
    /// Ends training. Workers report that they are done. The chief waits for them (up to
    /// <see cref="ParameterClientOptions.FinishTimeout"/>), writes a final checkpoint when a directory is
    /// configured, and tells every parameter server to stop (they exit 0).
    /// </summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!Cluster.IsChief)
        {
            await ReportFinishedAsync(cancellationToken);
            return;
        }

        await WaitForOthersToFinishAsync(cancellationToken);
        var step = _checkpoints is null ? (long?)null : await WriteFinalCheckpointAsync(cancellationToken);
        foreach (var shard in _shards)
        {
            try
            {
                await shard.CallAsync("shutdown", (client, call) => client.ShutdownAsync(new ShutdownRequest { Reason = $"training finished ({Cluster.TaskName})" }, call), EndPatience, cancellationToken);
            }
            catch (TrainingException exception)
            {
                _log($"could not stop {shard.Name}: {exception.Message}");
            }
        }

        _log(step is null ? "training finished; parameter servers stopped" : $"training finished at step {step}; parameter servers stopped");
    }

    /// <summary>Closes the channels.</summary>
    public ValueTask DisposeAsync()
    {
        foreach (var shard in _shards)
        {
            shard.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static async Task DrainAsync(IEnumerable<Task> calls)
    {
        foreach (var call in calls)
        {
            try
            {
                await call;
            }
            catch (Exception exception) when (exception is OperationCanceledException or TrainingException)
            {
                // Abandoned on purpose: its outcome no longer matters.
            }
        }
    }
}
