namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Says which pool a node belongs to by its labels: the first pool whose labels it carries, pools
/// with more labels tried first (the most specific wins), then by name; <c>default</c> otherwise.
/// </summary>
public sealed class PoolMatcher
{
    /// <summary>The pool of every node no other pool matches.</summary>
    public const string DefaultPool = "default";

    private readonly List<KeyValuePair<string, IReadOnlyDictionary<string, string>>> _pools;

    /// <param name="pools">The labels of each pool, by pool name.</param>
    public PoolMatcher(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> pools)
    {
        ArgumentNullException.ThrowIfNull(pools);
        _pools = [.. pools.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal)];
        Names = [.. pools.Keys.Append(DefaultPool).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>Every pool name, <c>default</c> included, in name order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The pool of a node carrying <paramref name="labels"/>.</summary>
    public string PoolOf(IReadOnlyDictionary<string, string>? labels)
    {
        if (labels is null || labels.Count == 0)
        {
            return DefaultPool;
        }

        foreach (var (name, wanted) in _pools)
        {
            if (wanted.Count > 0 && wanted.All(l => labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal)))
            {
                return name;
            }
        }

        return DefaultPool;
    }
}
