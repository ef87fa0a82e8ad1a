namespace Platform.Core.Scheduling.Policy;

/// <summary>A team's quota in one pool, unbounded resources as <see cref="Amount.Unbounded"/>.</summary>
/// <param name="Nominal">What the team is guaranteed.</param>
/// <param name="BorrowingLimit">How much beyond <paramref name="Nominal"/> it may borrow.</param>
/// <param name="LendingLimit">How much of its unused nominal its cohort may borrow.</param>
public sealed record TeamQuota(Amount Nominal, Amount BorrowingLimit, Amount LendingLimit)
{
    /// <summary>A team with no quota configured: unlimited, lending nothing.</summary>
    public static TeamQuota Unlimited { get; } = new(Amount.Unlimited, Amount.Zero, Amount.Zero);

    /// <summary>A listed team in a pool it lists no quota for: nothing guaranteed, borrowing allowed.</summary>
    public static TeamQuota None { get; } = new(Amount.Zero, Amount.Unlimited, Amount.Zero);

    /// <summary>The part of the nominal the team never lends: its own guarantee.</summary>
    public Amount Guaranteed => (Nominal - Amount.Min(LendingLimit, Nominal)).AtLeastZero();

    /// <summary>The part of the nominal the team lends to its cohort when unused.</summary>
    public Amount Lendable => Amount.Min(LendingLimit, Nominal);
}
