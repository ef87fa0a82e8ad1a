using Platform.Samples.TorchSharpPs.Data;

namespace Platform.Samples.TorchSharpPs.Tests;

public sealed class EpochShardTests
{
    public static TheoryData<int, int, int> Layouts => new()
    {
        // ranks, batch per rank, epoch
        { 2, 64, 0 },
        { 2, 64, 2 },
        { 3, 10, 1 },
        { 4, 7, 0 },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Ranks_batches_of_a_step_together_are_the_single_process_batch_of_that_step(int ranks, int batch, int epoch)
    {
        const int Samples = 1000;
        var single = new EpochShard(seed: 1, epoch, rank: 0, ranks: 1, Samples, batch * ranks);
        var shards = Enumerable.Range(0, ranks).Select(rank => new EpochShard(1, epoch, rank, ranks, Samples, batch)).ToList();

        Assert.All(shards, shard => Assert.Equal(single.Batches, shard.Batches));
        for (var step = 0; step < single.Batches; step++)
        {
            var together = shards.SelectMany(shard => shard.Batch(step).ToArray()).Order();
            Assert.Equal(single.Batch(step).ToArray().Order(), together);
        }
    }

    [Fact]
    public void Ranks_train_disjoint_samples_that_cover_the_epoch()
    {
        var shards = Enumerable.Range(0, 2).Select(rank => new EpochShard(7, 3, rank, 2, 600, 50)).ToList();

        var all = shards.SelectMany(shard => Enumerable.Range(0, shard.Batches).SelectMany(i => shard.Batch(i).ToArray())).ToList();

        Assert.Equal(600, all.Count);
        Assert.Equal(Enumerable.Range(0, 600).Select(i => (long)i), all.Order());
    }

    [Fact]
    public void Order_depends_only_on_seed_and_epoch()
    {
        long[] First(int seed, int epoch) => new EpochShard(seed, epoch, 0, 2, 1000, 100).Batch(0).ToArray();

        Assert.Equal(First(1, 0), First(1, 0));
        Assert.NotEqual(First(1, 0), First(1, 1));
        Assert.NotEqual(First(1, 0), First(2, 0));
    }

    [Theory]
    [InlineData(60_000, 2, 64, 468)]
    [InlineData(60_000, 1, 128, 468)]
    [InlineData(60_000, 3, 64, 312)]
    [InlineData(100, 2, 64, 0)]
    public void Whole_batches_per_epoch_leave_the_remainder_out(long samples, int ranks, int batch, int expected)
    {
        Assert.Equal(expected, EpochShard.BatchesPerEpoch(samples, ranks, batch));
        if (expected > 0)
        {
            Assert.Equal(expected, new EpochShard(1, 0, ranks - 1, ranks, samples, batch).Batches);
        }
    }
}
