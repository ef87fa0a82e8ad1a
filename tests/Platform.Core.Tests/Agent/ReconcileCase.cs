using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Core.Tests.Agent;

/// <summary>One row of a reconcile table: desired assignments, what runs, failed starts, the expected plan.</summary>
/// <param name="Expected">The <see cref="AgentTasks.Describe"/> of the plan.</param>
internal sealed record ReconcileCase(
    TaskAssignment[] Desired, ObservedTask[] Observed, string[] FailedStarts, string Expected);
