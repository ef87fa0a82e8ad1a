namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// What each team uses in each pool: the resources of its admitted jobs. Mutable and owned by one
/// plan (or by the scheduler between plans); every read and write is one dictionary access.
/// </summary>
public sealed class QuotaLedger
{
    private readonly Dictionary<(string Team, string Pool), Amount> _usage = [];

    /// <summary>What <paramref name="team"/> uses in <paramref name="pool"/>.</summary>
    public Amount UsageOf(string team, string pool) => _usage.GetValueOrDefault((team, pool));

    /// <summary>Counts <paramref name="amount"/> as used by <paramref name="team"/> in <paramref name="pool"/>.</summary>
    public void Add(string team, string pool, Amount amount) => _usage[(team, pool)] = UsageOf(team, pool) + amount;

    /// <summary>Stops counting <paramref name="amount"/> as used by <paramref name="team"/> in <paramref name="pool"/>.</summary>
    public void Remove(string team, string pool, Amount amount) => _usage[(team, pool)] = UsageOf(team, pool) - amount;
}
