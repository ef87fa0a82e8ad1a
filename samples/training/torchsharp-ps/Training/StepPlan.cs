using Platform.Samples.TorchSharpPs.Data;

namespace Platform.Samples.TorchSharpPs.Training;

/// <summary>
/// Which batch a rank trains at which step. Synchronous: step s is batch s of every rank's shard
/// (an epoch is <see cref="BatchesPerEpoch"/> steps). Asynchronous: the servers count every push,
/// so an epoch is that many steps per rank, and each rank walks its own shard from the step it
/// started at divided by the number of ranks. The learning-rate schedule is a factor on each
/// step's gradients: the parameter servers keep one learning rate, and with momentum, scaling the
/// gradient that enters the buffer is the TensorFlow form of a decaying rate (PyTorch scales the
/// buffer's output instead); the single-process baseline scales its loss the same way.
/// </summary>
public sealed class StepPlan
{
    private readonly int _seed;
    private readonly int _rank;
    private readonly int _ranks;
    private readonly long _sampleCount;
    private readonly int _batchSize;
    private readonly bool _asynchronous;
    private readonly bool _linearDecay;
    private EpochShard? _shard;
    private int _shardEpoch = -1;

    public StepPlan(TrainOptions options, int ranks, int rank, long sampleCount)
    {
        (_seed, _rank, _ranks, _sampleCount, _batchSize, _asynchronous, _linearDecay) =
            (options.Seed, rank, ranks, sampleCount, options.BatchSize, options.Asynchronous, options.LinearDecay);
        BatchesPerEpoch = EpochShard.BatchesPerEpoch(sampleCount, ranks, options.BatchSize);
        if (BatchesPerEpoch == 0)
        {
            throw new ArgumentException($"--batch-size {options.BatchSize} is larger than a rank's share of the {sampleCount} samples.");
        }

        StepsPerEpoch = _asynchronous ? (long)BatchesPerEpoch * ranks : BatchesPerEpoch;
        TotalSteps = options.TotalSteps(StepsPerEpoch);
        SamplesPerStep = _asynchronous ? options.BatchSize : (long)options.BatchSize * ranks;
    }

    public int BatchesPerEpoch { get; }

    public long StepsPerEpoch { get; }

    public long TotalSteps { get; }

    /// <summary>Samples of the whole job that one step stands for.</summary>
    public long SamplesPerStep { get; }

    /// <summary>The position in this rank's sequence of batches that training at <paramref name="step"/> starts from.</summary>
    public long FirstBatch(long step) => _asynchronous ? step / _ranks : step;

    /// <summary>The sample indices of this rank's batch at <paramref name="position"/> (epoch by epoch).</summary>
    public ReadOnlySpan<long> Batch(long position)
    {
        var epoch = (int)(position / BatchesPerEpoch);
        if (epoch != _shardEpoch)
        {
            _shard = new EpochShard(_seed, epoch, _rank, _ranks, _sampleCount, _batchSize);
            _shardEpoch = epoch;
        }

        return _shard!.Batch((int)(position % BatchesPerEpoch));
    }

    /// <summary>The learning-rate factor of <paramref name="step"/>: 1, or falling linearly to 0 at the last step.</summary>
    public float GradientScale(long step) =>
        _linearDecay ? (float)Math.Max(0, 1 - ((double)step / TotalSteps)) : 1f;

    /// <summary>Whether moving from step <paramref name="before"/> to <paramref name="after"/> completed an epoch.</summary>
    public bool EndsEpoch(long before, long after) => after / StepsPerEpoch > before / StepsPerEpoch;

    public override string ToString() =>
        $"batch {_batchSize} per rank, {StepsPerEpoch} steps per epoch, {TotalSteps} steps, {(_asynchronous ? "asynchronous" : "synchronous")}";
}
