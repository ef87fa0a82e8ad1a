using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Training.Sharding;

/// <summary>
/// Where every value of the model lives: parameters cut into blocks, blocks assigned to parameter servers.
/// Every participant computes the same layout from the same inputs; <see cref="Fingerprint"/> lets them check.
/// </summary>
internal sealed class ShardLayout
{
    private ShardLayout(IReadOnlyList<ParameterInfo> parameters, IReadOnlyList<ShardPlan> shards, string fingerprint)
    {
        Parameters = parameters;
        Shards = shards;
        Fingerprint = fingerprint;
    }

    public IReadOnlyList<ParameterInfo> Parameters { get; }

    public IReadOnlyList<ShardPlan> Shards { get; }

    public string Fingerprint { get; }

    /// <summary>
    /// Cuts each parameter into blocks of at most <paramref name="maxBlockElements"/> values, then assigns the
    /// blocks largest first, each to the shard holding the fewest values so far (ties: lower shard index;
    /// equal blocks keep model order), so shards balance and the result depends only on the inputs.
    /// </summary>
    public static ShardLayout Plan(IReadOnlyList<ParameterInfo> parameters, int shardCount, int maxBlockElements)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBlockElements, 1);
        var blocks = Cut(parameters, maxBlockElements);
        var assigned = Enumerable.Range(0, shardCount).Select(_ => new List<ShardBlock>()).ToArray();
        var loads = new long[shardCount];
        foreach (var block in blocks.OrderByDescending(block => block.Length).ThenBy(block => block.Parameter).ThenBy(block => block.Offset))
        {
            var target = 0;
            for (var shard = 1; shard < shardCount; shard++)
            {
                if (loads[shard] < loads[target])
                {
                    target = shard;
                }
            }

            assigned[target].Add(block);
            loads[target] += block.Length;
        }

        var shards = assigned
            .Select((list, index) => new ShardPlan(index, [.. list.OrderBy(block => block.Parameter).ThenBy(block => block.Offset)]))
            .ToArray();
        return new ShardLayout(parameters, shards, Fingerprinted(parameters, shards));
    }

    /// <summary>Copies the values of every parameter that belong to <paramref name="shard"/> into one flat array.</summary>
    public float[] Gather(int shard, IReadOnlyList<float[]> values)
    {
        var plan = Shards[shard];
        var flat = new float[plan.Length];
        var position = 0;
        foreach (var block in plan.Blocks)
        {
            values[block.Parameter].AsSpan((int)block.Offset, block.Length).CopyTo(flat.AsSpan(position));
            position += block.Length;
        }

        return flat;
    }

    /// <summary>Copies one shard's flat values back into the parameters they belong to.</summary>
    public void Scatter(int shard, ReadOnlySpan<float> flat, IReadOnlyList<float[]> values)
    {
        var plan = Shards[shard];
        if (flat.Length != plan.Length)
        {
            throw new TrainingException($"Parameter server ps-{shard} sent {flat.Length} values; its shard holds {plan.Length}.");
        }

        var position = 0;
        foreach (var block in plan.Blocks)
        {
            flat.Slice(position, block.Length).CopyTo(values[block.Parameter].AsSpan((int)block.Offset, block.Length));
            position += block.Length;
        }
    }

    /// <summary>New zeroed arrays, one per parameter.</summary>
    public float[][] NewValues() => [.. Parameters.Select(parameter => new float[parameter.Length])];

    private static List<ShardBlock> Cut(IReadOnlyList<ParameterInfo> parameters, int maxBlockElements)
    {
        var blocks = new List<ShardBlock>();
        for (var index = 0; index < parameters.Count; index++)
        {
            var length = parameters[index].Length;
            for (long offset = 0; offset < length; offset += maxBlockElements)
            {
                blocks.Add(new ShardBlock(index, offset, (int)Math.Min(maxBlockElements, length - offset)));
            }
        }

        return blocks;
    }

    private static string Fingerprinted(IReadOnlyList<ParameterInfo> parameters, IReadOnlyList<ShardPlan> shards)
    {
        var text = new StringBuilder();
        foreach (var parameter in parameters)
        {
            text.Append(parameter.Name).Append('[').AppendJoin(',', parameter.Shape).Append("];");
        }

        foreach (var shard in shards)
        {
            text.Append('|');
            foreach (var block in shard.Blocks)
            {
                text.Append(CultureInfo.InvariantCulture, $"{block.Parameter}:{block.Offset}+{block.Length};");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
