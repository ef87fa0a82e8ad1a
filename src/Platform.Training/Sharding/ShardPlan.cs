namespace Platform.Training.Sharding;

/// <summary>The blocks one parameter server holds, in the order their values are laid out in its flat array.</summary>
internal sealed record ShardPlan(int Index, IReadOnlyList<ShardBlock> Blocks)
{
    public long Length { get; } = Blocks.Sum(block => (long)block.Length);
}
