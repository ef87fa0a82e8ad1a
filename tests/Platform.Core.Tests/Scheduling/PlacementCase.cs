using Platform.Contracts.Scheduling;

namespace Platform.Core.Tests.Scheduling;

/// <summary>One row of a placement table: the job, the ready nodes, what is held, what to expect.</summary>
/// <param name="Expected">The <see cref="Cluster.Layout"/> of the allocation, or the reason it waits.</param>
internal sealed record PlacementCase(JobRequest Job, NodeCapacity[] Nodes, Allocation[] Existing, string Expected);
