namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// One resource pool, <c>Platform:Scheduling:Pools:{name}</c>: the nodes carrying every one of
/// <see cref="NodeLabels"/>. A node belongs to the first pool whose labels it has, pools with more
/// labels tried first, then by name; the pool <c>default</c> takes the rest.
/// </summary>
public sealed class PoolSettings
{
    /// <summary>The labels a node must carry, such as <c>gpu-model: a100</c>; at least one. Default: none.</summary>
    public Dictionary<string, string> NodeLabels { get; set; } = new(StringComparer.Ordinal);
}
