namespace Platform.Training.Server;

/// <summary>
/// Collects one gradient per participant for the current step and averages them once all have arrived.
/// Keyed by (rank, step): a repeated push is never counted twice. Sums in rank order so the result does
/// not depend on arrival order.
/// </summary>
internal sealed class SyncStepAggregator
{
    private readonly float[]?[] _gradients;
    private readonly int _length;
    private int _received;

    public SyncStepAggregator(int participants, int length, long step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(participants, 1);
        _gradients = new float[participants][];
        _length = length;
        Step = step;
    }

    /// <summary>The step whose gradients are being collected.</summary>
    public long Step { get; private set; }

    public int Participants => _gradients.Length;

    public SyncOffer Offer(int rank, long step, ReadOnlySpan<float> gradient)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, _gradients.Length);
        if (gradient.Length != _length)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values; the shard {_length}.", nameof(gradient));
        }

        if (step < Step)
        {
            return SyncOffer.AlreadyApplied;
        }

        if (step > Step)
        {
            return SyncOffer.Ahead;
        }

        if (_gradients[rank] is not null)
        {
            return SyncOffer.Duplicate;
        }

        _gradients[rank] = gradient.ToArray();
        _received++;
        return _received == _gradients.Length ? SyncOffer.Completed : SyncOffer.Accepted;
    }

    /// <summary>The mean of the step's gradients; forgets them and moves to the next step.</summary>
    public float[] TakeAverage()
    {
        if (_received != _gradients.Length)
        {
            throw new InvalidOperationException($"Step {Step} has {_received} of {_gradients.Length} gradients.");
        }

        var sum = new float[_length];
        for (var rank = 0; rank < _gradients.Length; rank++)
        {
            var gradient = _gradients[rank]!;
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += gradient[i];
            }

            _gradients[rank] = null;
        }

        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] /= _gradients.Length;
        }

        _received = 0;
        Step++;
        return sum;
    }
}
