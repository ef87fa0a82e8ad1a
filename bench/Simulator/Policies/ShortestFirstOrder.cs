using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Policies;

/// <summary>Shortest remaining work first, with the trace's durations as an oracle; then oldest, then job id.</summary>
public sealed class ShortestFirstOrder : IComparer<SimJob>
{
    /// <summary>The one instance.</summary>
    public static ShortestFirstOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(SimJob? x, SimJob? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byWork = x.Remaining.CompareTo(y.Remaining);
        return byWork != 0 ? byWork : FifoOrder.Instance.Compare(x, y);
    }
}
