using static TorchSharp.torch;

namespace Platform.Training.TorchSharp;

/// <summary>
/// Data-parallel training of one TorchSharp module with the parameter servers of its job. Each
/// <see cref="StepAsync"/> pulls the current parameters into the module, runs the caller's forward
/// pass for that step, back-propagates and pushes the gradients:
/// <code>
/// await using var trainer = await DistributedTrainer.StartAsync(model, TrainingCluster.FromEnvironment(), options, ct);
/// while (trainer.Step &lt; totalSteps)
/// {
///     await trainer.StepAsync(step => LossOfBatch(model, step), ct);
/// }
/// await trainer.FinishAsync(ct);
/// </code>
/// The module's parameters are overwritten by every pull; the optimizer runs on the parameter
/// servers, so the program creates none.
/// </summary>
public sealed class DistributedTrainer : IAsyncDisposable
{
    private readonly nn.Module _module;
    private readonly ModuleTensors _tensors;
    private readonly ParameterClient _client;

    private DistributedTrainer(nn.Module module, ModuleTensors tensors, ParameterClient client, long step)
    {
        _module = module;
        _tensors = tensors;
        _client = client;
        Step = step;
    }

    /// <summary>
    /// The step the next <see cref="StepAsync"/> trains (as the servers last reported it). It can
    /// go backwards: after a parameter-server restart training resumes from the last checkpoint.
    /// </summary>
    public long Step { get; private set; }

    /// <summary>
    /// A factor for the gradients of each step before they are pushed (null: 1). With SGD and
    /// momentum on the servers this is a learning-rate schedule in the TensorFlow form (the momentum
    /// buffer accumulates the scaled gradients); the servers' own learning rate stays fixed.
    /// </summary>
    public Func<long, float>? GradientScale { get; set; }

    /// <summary>This task's place in the job (rank, participant count, chief).</summary>
    public TrainingCluster Cluster => _client.Cluster;

    /// <summary>The module's trainable parameters as the parameter servers hold them.</summary>
    public IReadOnlyList<ParameterInfo> Parameters => _client.Parameters;

    /// <summary>
    /// Connects to the job's parameter servers and initializes them: the chief from the newest
    /// checkpoint when there is one (else from <paramref name="module"/>'s current values), the
    /// other participants wait for that. <see cref="Step"/> is then the step to start at.
    /// </summary>
    public static async Task<DistributedTrainer> StartAsync(
        nn.Module module, TrainingCluster cluster, ParameterClientOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(module);
        var tensors = new ModuleTensors(module);
        var parameters = tensors.Names.Zip(tensors.Shapes, (name, shape) => new ParameterInfo(name, shape)).ToArray();
        var client = await ParameterClient.ConnectAsync(cluster, parameters, options, cancellationToken);
        try
        {
            var step = await client.InitializeAsync(tensors.Values(), cancellationToken);
            return new DistributedTrainer(module, tensors, client, step);
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One training step: pull, forward (<paramref name="loss"/> builds the loss of this task's
    /// batch for the step it is given), backward, push. Returns the step trained, the loss value and
    /// the step the servers moved to (<see cref="Step"/>).
    /// </summary>
    /// <param name="loss">Gets the step being trained (choose the batch from it, so a replayed step sees the same data).</param>
    /// <param name="cancellationToken">Stops waiting for the servers.</param>
    public async Task<TrainedStep> StepAsync(Func<long, Tensor> loss, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loss);
        var snapshot = await _client.PullAsync(cancellationToken);
        _tensors.Load(snapshot.Values);
        float lossValue;
        float[][] gradients;
        using (NewDisposeScope())
        {
            _module.zero_grad();
            var value = loss(snapshot.Step);
            var scale = GradientScale?.Invoke(snapshot.Step) ?? 1f;
            (scale == 1f ? value : value.mul(scale)).backward();
            lossValue = value.item<float>();
            gradients = _tensors.Gradients();
        }

        Step = await _client.PushAsync(snapshot.Step, gradients, cancellationToken);
        return new TrainedStep(snapshot.Step, lossValue, Step);
    }

    /// <summary>Loads the servers' current parameters into the module (to evaluate it) and returns their step.</summary>
    public async Task<long> PullAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _client.PullAsync(cancellationToken);
        _tensors.Load(snapshot.Values);
        return snapshot.Step;
    }

    /// <summary>
    /// Ends training: a worker reports it is done; the chief waits for the others, writes the final
    /// checkpoint (when a directory is configured) and stops the parameter servers.
    /// </summary>
    public Task FinishAsync(CancellationToken cancellationToken) => _client.FinishAsync(cancellationToken);

    /// <summary>Closes the connections to the parameter servers.</summary>
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
