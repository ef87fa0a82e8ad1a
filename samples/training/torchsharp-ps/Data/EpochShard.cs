namespace Platform.Samples.TorchSharpPs.Data;

/// <summary>
/// The samples one rank trains on in one epoch, in order: a permutation of the whole training set
/// that depends only on (seed, epoch), dealt round-robin to the ranks. Any process can rebuild it,
/// so a restarted worker continues exactly where the step it resumes at says. In synchronous mode
/// the ranks' batches of step s together are the single-process run's batch s at batch size ×
/// ranks, so both see the same data in the same order.
/// </summary>
public sealed class EpochShard
{
    private readonly long[] _indices;

    public EpochShard(int seed, int epoch, int rank, int ranks, long sampleCount, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, ranks);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
        var permutation = Permutation(seed, epoch, sampleCount);
        var perRank = sampleCount / ranks;
        _indices = new long[perRank];
        for (var i = 0; i < perRank; i++)
        {
            _indices[i] = permutation[(i * ranks) + rank];
        }
    }

    public int BatchSize { get; }

    /// <summary>Whole batches in this epoch; the remainder is left out (it differs by rank otherwise).</summary>
    public int Batches => _indices.Length / BatchSize;

    public ReadOnlySpan<long> Batch(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Batches);
        return _indices.AsSpan(index * BatchSize, BatchSize);
    }

    /// <summary>Whole batches per epoch for a rank, without building the shard.</summary>
    public static int BatchesPerEpoch(long sampleCount, int ranks, int batchSize) => (int)(sampleCount / ranks / batchSize);

    private static long[] Permutation(int seed, int epoch, long count)
    {
        // A seeded System.Random gives the same sequence in every process (HashCode would not: it is
        // randomised per process).
        var random = new Random(unchecked((seed * 100_003) + epoch) & int.MaxValue);
        var permutation = new long[count];
        for (var i = 0L; i < count; i++)
        {
            permutation[i] = i;
        }

        for (var i = count - 1; i > 0; i--)
        {
            var j = random.NextInt64(i + 1);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }

        return permutation;
    }
}
