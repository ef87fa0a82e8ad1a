using Platform.Contracts.Scheduling;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// What <see cref="JobSpecValidator"/> checks a spec against: the configured image allow-list and
/// the capacity the cluster's nodes advertise (empty when no node is known yet).
/// </summary>
/// <param name="Images">Images the platform may run.</param>
/// <param name="Nodes">The nodes known now; the node rules are skipped when empty.</param>
public sealed record SpecContext(ImageAllowList Images, IReadOnlyList<NodeCapacity> Nodes);
