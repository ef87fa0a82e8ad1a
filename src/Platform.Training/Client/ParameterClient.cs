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
/// </summary>
public sealed class ParameterClient : IAsyncDisposable
{
    private ParameterClient()
    {
    }

    /// <summary>This task's place in the cluster.</summary>
    public TrainingCluster Cluster { get; private init; } = null!;

    /// <summary>The model's parameters, in the order of every value list this client takes and returns.</summary>
    public IReadOnlyList<ParameterInfo> Parameters { get; private init; } = [];

    /// <summary>
    /// Opens channels to every parameter server of <paramref name="cluster"/>. Nothing is sent yet; servers
    /// that are not up are waited for (up to <see cref="ParameterClientOptions.ConnectTimeout"/>) by the first call.
    /// </summary>
    /// <exception cref="TrainingException">The cluster has no ps, this task is not a participant, or the parameters are invalid.</exception>
    public static Task<ParameterClient> ConnectAsync(
        TrainingCluster cluster,
        IReadOnlyList<ParameterInfo> parameters,
        ParameterClientOptions options,
        CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>
    /// Chief: initializes every parameter server from the newest checkpoint in
    /// <see cref="ParameterClientOptions.CheckpointDirectory"/> if there is one (logging
    /// <c>resumed from checkpoint at step N</c>), else from <paramref name="initialValues"/> at step 0.
    /// Other participants: wait until the chief has initialized the servers. Returns the step to start at.
    /// </summary>
    /// <param name="initialValues">One array per parameter; only the chief's are used, others may pass the same.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    public Task<long> InitializeAsync(IReadOnlyList<float[]> initialValues, CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>The current parameters and the step they belong to (synchronous mode: the same step on every shard).</summary>
    public Task<ParameterSnapshot> PullAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>
    /// Pushes this participant's gradients (one array per parameter) computed from the values of
    /// <paramref name="step"/>. Synchronous mode: completes when every participant's gradient for that step
    /// has been averaged and applied, returning the next step; a repeated push of the same step is never
    /// applied twice. Asynchronous mode: completes once applied, returning the servers' step. After a
    /// parameter server restart it returns the checkpoint step training resumes from. The chief writes a
    /// checkpoint here every <see cref="ParameterClientOptions.CheckpointEverySteps"/> steps.
    /// </summary>
    public Task<long> PushAsync(long step, IReadOnlyList<float[]> gradients, CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>Chief only: writes a checkpoint (values, optimizer state, step) now, atomically.</summary>
    /// <exception cref="TrainingException">Not the chief, or no checkpoint directory was configured.</exception>
    public Task SaveCheckpointAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>
    /// Ends training. Workers report that they are done. The chief waits for them (up to
    /// <see cref="ParameterClientOptions.FinishTimeout"/>), writes a final checkpoint when a directory is
    /// configured, and tells every parameter server to stop (they exit 0).
    /// </summary>
    public Task FinishAsync(CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterClient lands in the next commit.");

    /// <summary>Closes the channels.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
