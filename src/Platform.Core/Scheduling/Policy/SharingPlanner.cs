namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// The scheduling policy in one call. Per pool, queued jobs are tried in <see cref="FairQueue"/>
/// order, those that would borrow after all those within their team's nominal quota (guaranteed
/// quota first, so that idle quota is not lent and then reclaimed); each is admitted by its
/// team's quota (<see cref="Admission"/>) and placed whole
/// (gang) on the pool's free capacity, kept in an index by free GPUs. A job that does not fit may
/// preempt (<see cref="VictimChooser"/>); the first that still does not fit gets a reservation of
/// the nodes it will take, and later jobs run on those nodes only if their deadline ends before the
/// reservation's estimated start (backfill). Every job left waiting gets its position and a reason.
/// Pure and deterministic: no clock, no I/O, no randomness; the same input gives the same plan.
/// </summary>
public static class SharingPlanner
{
    /// <summary>Plans <paramref name="input"/>.</summary>
    public static PlanResult Plan(PlanInput input) => new PlanRun(input).Run();
}
