namespace Platform.Core.Scheduling.Policy;

/// <summary>What one plan holds for one pool: its index, its reservations, the shapes that did not fit.</summary>
internal sealed class PoolPlan(string name, PoolIndex? index)
{
    public string Name => name;

    /// <summary>The pool's nodes; null when it has none.</summary>
    public PoolIndex? Index => index;

    /// <summary>Until when each reserved node is held (<see cref="DateTimeOffset.MinValue"/>: no estimate, held for good).</summary>
    public Dictionary<string, DateTimeOffset> ReservedUntil { get; } = new(StringComparer.Ordinal);

    /// <summary>The job each reserved node is held for.</summary>
    public Dictionary<string, QueuedJob> ReservedFor { get; } = new(StringComparer.Ordinal);

    /// <summary>True once the first job that does not fit has its reservation.</summary>
    public bool HeadReserved { get; set; }

    /// <summary>
    /// Teams whose try to preempt found nothing in this pool in this plan, apart for jobs over their quota and
    /// jobs within it: one fruitless try of each kind per team bounds the cost of a plan.
    /// </summary>
    public HashSet<(string Team, bool Admitted)> Fruitless { get; } = [];

    /// <summary>Job shapes that did not fit in this plan: capacity only shrinks within a plan, so they will not fit later either.</summary>
    public HashSet<JobShape> Failed { get; } = [];

    /// <summary>Why jobs of each shape wait, until the next placement changes what is free.</summary>
    public Dictionary<JobShape, string> BlockedReasons { get; } = [];

    /// <summary>What the quotas said per team and need, until the next change of what teams use in this pool.</summary>
    public Dictionary<(string Team, Amount Need), AdmissionDecision> Admissions { get; } = [];

    public void Reserve(QueuedJob job, IEnumerable<string> nodes, DateTimeOffset? until)
    {
        BlockedReasons.Clear();
        foreach (var node in nodes)
        {
            var at = until ?? DateTimeOffset.MinValue;
            if (!ReservedUntil.TryGetValue(node, out var earlier) || at < earlier)
            {
                ReservedUntil[node] = at;
                ReservedFor[node] = job;
            }
        }
    }
}
