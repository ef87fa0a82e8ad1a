using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling;

/// <summary>
/// The outcome of placing one job: either an <see cref="Allocation"/> for every task, or no
/// allocation and a human-readable <see cref="Reason"/> saying why the job keeps waiting.
/// </summary>
public sealed record PlacementResult(Allocation? Allocation, string? Reason)
{
    /// <summary>True when every task of the job was placed.</summary>
    public bool IsPlaced => Allocation is not null;

    internal static PlacementResult Placed(Allocation allocation) => new(allocation, null);

    internal static PlacementResult Waiting(string reason) => new(null, reason);
}
