using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>A ready node as the planner sees it.</summary>
/// <param name="Node">Its capacity.</param>
/// <param name="Labels">Its labels, which choose its pool; null: none (pool <c>default</c>).</param>
/// <param name="Draining">True when nothing new may be placed on it.</param>
public sealed record PoolNode(NodeCapacity Node, IReadOnlyDictionary<string, string>? Labels = null, bool Draining = false);
