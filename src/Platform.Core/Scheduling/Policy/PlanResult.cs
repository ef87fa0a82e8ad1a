namespace Platform.Core.Scheduling.Policy;

/// <summary>What one plan decided.</summary>
/// <param name="Placements">Jobs to start now, as they will run (started now, borrowing or not).</param>
/// <param name="Reservations">Nodes held for jobs that do not fit yet.</param>
/// <param name="Preemptions">Jobs to stop so that others can run.</param>
/// <param name="Pending">Every queued job not placed, with its position and reason, in queue order per pool.</param>
public sealed record PlanResult(
    IReadOnlyList<RunningJob> Placements, IReadOnlyList<Reservation> Reservations,
    IReadOnlyList<Preemption> Preemptions, IReadOnlyList<PendingJob> Pending);
