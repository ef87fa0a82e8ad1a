using Platform.Contracts.Scheduling;
using Platform.Core.Scheduling;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// What <see cref="JobSpecValidator"/> checks a spec against: the configured image allow-list, the
/// capacity the cluster's nodes advertise (empty when no node is known yet) and the priority classes.
/// </summary>
/// <param name="Images">Images the platform may run.</param>
/// <param name="Nodes">The nodes known now; the node rules are skipped when empty.</param>
/// <param name="PriorityClasses">Which classes each team may use; null means <see cref="PriorityClassPolicy.BuiltIn"/>.</param>
public sealed record SpecContext(ImageAllowList Images, IReadOnlyList<NodeCapacity> Nodes, PriorityClassPolicy? PriorityClasses = null)
{
    /// <summary>The policy the spec's <c>priorityClass</c> is resolved with.</summary>
    public PriorityClassPolicy Priorities => PriorityClasses ?? PriorityClassPolicy.BuiltIn;
}
