using Platform.Training.Sharding;

namespace Platform.Training.Tests.Sharding;

public class ShardLayoutTests
{
    public static TheoryData<int[], int, int, string> Assignments => new()
    {
        // parameter lengths, shards, max block, expected "shard: parameter@offset+length ..." per shard
        { [10], 1, 100, "0@0+10" },
        { [10, 4, 6], 2, 100, "0@0+10 | 1@0+4 2@0+6" },
        { [64, 4], 2, 24, "0@0+24 0@48+16 | 0@24+24 1@0+4" },
        { [5, 5, 5, 5], 3, 100, "0@0+5 3@0+5 | 1@0+5 | 2@0+5" },
        { [7], 3, 3, "0@0+3 | 0@3+3 | 0@6+1" },
        { [1], 2, 100, "0@0+1 | " },
    };

    [Theory]
    [MemberData(nameof(Assignments))]
    public void Blocks_go_largest_first_to_the_least_loaded_shard(int[] lengths, int shards, int maxBlock, string expected)
    {
        var layout = ShardLayout.Plan(Parameters(lengths), shards, maxBlock);

        var actual = string.Join(" | ", layout.Shards.Select(shard => string.Join(" ", shard.Blocks.Select(block => $"{block.Parameter}@{block.Offset}+{block.Length}"))));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Every_value_is_in_exactly_one_block_and_shards_balance()
    {
        int[] lengths = [1000, 300, 300, 7, 64, 512, 1];
        var layout = ShardLayout.Plan(Parameters(lengths), 3, 128);

        foreach (var (length, parameter) in lengths.Select((length, index) => (length, index)))
        {
            var covered = layout.Shards.SelectMany(shard => shard.Blocks).Where(block => block.Parameter == parameter)
                .SelectMany(block => Enumerable.Range((int)block.Offset, block.Length)).Order().ToArray();
            Assert.Equal(Enumerable.Range(0, length), covered);
        }

        var loads = layout.Shards.Select(shard => shard.Length).ToArray();
        Assert.True(loads.Max() - loads.Min() <= 128, $"loads {string.Join(", ", loads)}");
    }

    [Fact]
    public void Gather_then_scatter_restores_every_value()
    {
        var layout = ShardLayout.Plan(Parameters([64, 4, 9]), 2, 24);
        float[][] values = [.. layout.Parameters.Select((parameter, p) => Enumerable.Range(0, (int)parameter.Length).Select(i => (p * 1000f) + i).ToArray())];

        var restored = layout.NewValues();
        for (var shard = 0; shard < layout.Shards.Count; shard++)
        {
            layout.Scatter(shard, layout.Gather(shard, values), restored);
        }

        Assert.Equal(values, restored);
    }

    [Fact]
    public void Fingerprint_is_the_same_for_the_same_model_and_differs_for_another()
    {
        var one = ShardLayout.Plan(Parameters([64, 4]), 2, 24).Fingerprint;

        Assert.Equal(one, ShardLayout.Plan(Parameters([64, 4]), 2, 24).Fingerprint);
        Assert.NotEqual(one, ShardLayout.Plan(Parameters([64, 5]), 2, 24).Fingerprint);
        Assert.NotEqual(one, ShardLayout.Plan(Parameters([64, 4]), 2, 32).Fingerprint);
    }

    private static ParameterInfo[] Parameters(int[] lengths) => [.. lengths.Select((length, index) => new ParameterInfo($"p{index}", [length]))];
}
