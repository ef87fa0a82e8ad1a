namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// A team's quota in one pool, <c>Platform:Scheduling:TeamQuotas:{team}:Pools:{pool}</c>: what it
/// is guaranteed (nominal), how far beyond that it may borrow from its cohort, and how much of its
/// unused nominal the cohort may borrow.
/// </summary>
public sealed class QuotaSettings
{
    /// <summary>Nominal whole GPUs. Default 0.</summary>
    public int Gpus { get; set; }

    /// <summary>Nominal CPUs; null: CPUs are not limited by quota. Default null.</summary>
    public double? Cpus { get; set; }

    /// <summary>Nominal memory in MB; null: memory is not limited by quota. Default null.</summary>
    public long? MemoryMb { get; set; }

    /// <summary>
    /// How much beyond nominal the team may borrow from its cohort, per resource; null (or a null
    /// resource): as much as the cohort lends. Default null.
    /// </summary>
    public LimitSettings? BorrowingLimit { get; set; }

    /// <summary>
    /// How much of its unused nominal the team lends to its cohort, per resource; null (or a null
    /// resource): all of it. At most the nominal. Default null.
    /// </summary>
    public LimitSettings? LendingLimit { get; set; }
}
