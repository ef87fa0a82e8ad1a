using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Policies;

/// <summary>The platform's old queue order (<see cref="Platform.Core.Scheduling.QueueOrder.Sort"/>): highest priority value, then oldest, then job id.</summary>
public sealed class FifoOrder : IComparer<SimJob>
{
    /// <summary>The one instance.</summary>
    public static FifoOrder Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(SimJob? x, SimJob? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byPriority = y.Request.PriorityValue.CompareTo(x.Request.PriorityValue);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byAge = x.Request.SubmittedAt.CompareTo(y.Request.SubmittedAt);
        return byAge != 0 ? byAge : string.CompareOrdinal(x.Id, y.Id);
    }
}
