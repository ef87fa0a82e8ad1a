using System.Globalization;
using Platform.Core.Scheduling.Policy;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Runs the planner on a small snapshot and renders what it decided as short lines.</summary>
internal static class Plans
{
    public static PlanResult Plan(
        SharingPolicy policy, PoolNode[] nodes, RunningJob[] running, QueuedJob[] queue, double now = 10,
        Dictionary<string, DecayedUsage>? usage = null) =>
        SharingPlanner.Plan(new PlanInput(policy, nodes, running, queue, usage ?? [], Jobs.At(now)));

    /// <summary>"job@node+node" per placement, "(borrowing)" when it borrows.</summary>
    public static string Placed(PlanResult plan) => string.Join(' ', plan.Placements.Select(p =>
        $"{p.JobId}@{string.Join('+', p.Allocation.Tasks.Select(t => t.NodeId).Distinct())}{(p.Borrowing ? "(borrowing)" : "")}"));

    /// <summary>"job:node+node@minute" per reservation, "@?" when the start is unknown.</summary>
    public static string Reserved(PlanResult plan) => string.Join(' ', plan.Reservations.Select(r =>
        $"{r.JobId}:{string.Join('+', r.NodeIds)}@{(r.EstimatedStart is { } at ? (at - Jobs.T0).TotalMinutes.ToString(CultureInfo.InvariantCulture) : "?")}"));

    /// <summary>"victim&lt;by" per preemption.</summary>
    public static string Preempted(PlanResult plan) => string.Join(' ', plan.Preemptions.Select(p => $"{p.VictimJobId}<{p.ByJobId}"));

    /// <summary>"job#position: reason" per pending job.</summary>
    public static string Pending(PlanResult plan) => string.Join('\n', plan.Pending.Select(p => $"{p.JobId}#{p.Position}: {p.Reason}"));

    public static string Render(PlanResult plan) =>
        $"placed: {Placed(plan)}\nreserved: {Reserved(plan)}\npreempted: {Preempted(plan)}\n{Pending(plan)}";
}
