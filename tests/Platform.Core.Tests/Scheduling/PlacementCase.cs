using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling;

namespace Platform.Core.Tests.Scheduling;

/// <summary>One row of a placement table: the job, the ready nodes, what is held, what to expect.</summary>
/// <param name="Expected">The <see cref="Cluster.Layout"/> of the allocation, or the reason it waits.</param>
/// <param name="Draining">The ids of the nodes that are draining, or null to place without that overload.</param>
internal sealed record PlacementCase(JobRequest Job, NodeCapacity[] Nodes, Allocation[] Existing, string Expected, string[]? Draining = null)
{
    public PlacementResult Place() => Draining is null
        ? GangPlacer.Place(Job, Nodes, Existing)
        : GangPlacer.Place(Job, Nodes, Existing, Draining.ToHashSet(StringComparer.Ordinal));
}
