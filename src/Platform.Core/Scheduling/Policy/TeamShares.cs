namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Each team's weighted fair share during a plan: its decayed usage brought to the plan's time at
/// its current level, plus what the plan has placed for it so far.
/// </summary>
internal sealed class TeamShares
{
    private readonly SharingPolicy _policy;
    private readonly Amount _capacity;
    private readonly Dictionary<string, (double Gpus, double MilliCpus, double MemoryMb)> _usage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _current = new(StringComparer.Ordinal);

    public TeamShares(SharingPolicy policy, PlanInput input, Amount capacity)
    {
        _policy = policy;
        _capacity = capacity;
        var levels = new Dictionary<string, Amount>(StringComparer.Ordinal);
        foreach (var job in input.Running.Where(j => j.StoppingFor is null))
        {
            levels[job.Team] = levels.GetValueOrDefault(job.Team) + Amount.Of(job.Allocation);
        }

        foreach (var team in input.Queue.Select(j => j.Team).Concat(levels.Keys).Distinct(StringComparer.Ordinal))
        {
            var usage = input.Usage.TryGetValue(team, out var known)
                ? known.Update(input.Now, levels.GetValueOrDefault(team), policy.UsageHalfLife)
                : DecayedUsage.None(input.Now);
            _usage[team] = (usage.Gpus, usage.MilliCpus, usage.MemoryMb);
            _current[team] = Share(team);
        }
    }

    /// <summary>Each team's share now.</summary>
    public IReadOnlyDictionary<string, double> Current => _current;

    /// <summary>Counts a placement of <paramref name="amount"/> for <paramref name="team"/>.</summary>
    public void Charge(string team, Amount amount)
    {
        var (gpus, milli, memory) = _usage.GetValueOrDefault(team);
        _usage[team] = (gpus + amount.Gpus, milli + amount.MilliCpus, memory + amount.MemoryMb);
        _current[team] = Share(team);
    }

    private double Share(string team)
    {
        var due = Amount.Zero;
        foreach (var pool in _policy.Pools.Names)
        {
            due += _policy.QuotaOf(team, pool).Nominal;
        }

        var (gpus, milli, memory) = _usage[team];
        return FairShare.Of(gpus, milli, memory, due, _capacity, _policy.WeightOf(team));
    }
}
