namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// The order queued jobs are tried in: highest priority value first, then the team with the lower
/// weighted fair share, then the oldest, then by job id, so the same input always gives the same
/// order. Shares change as jobs are placed (<see cref="SetShare"/>), which interleaves teams of
/// equal priority. Each step costs a logarithm of the number of teams, not of jobs.
/// </summary>
public sealed class FairQueue
{
    private readonly Dictionary<string, Queue<QueuedJob>> _byTeam = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _shares = new(StringComparer.Ordinal);
    private readonly SortedSet<Head> _order = new(HeadOrder.Instance);

    /// <param name="jobs">The queued jobs, in any order.</param>
    /// <param name="shares">Each team's weighted share; a team not listed has 0.</param>
    public FairQueue(IEnumerable<QueuedJob> jobs, IReadOnlyDictionary<string, double> shares)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(shares);
        foreach (var group in jobs.GroupBy(j => j.Team, StringComparer.Ordinal))
        {
            _byTeam[group.Key] = new(group
                .OrderByDescending(j => j.Request.PriorityValue)
                .ThenBy(j => j.Request.SubmittedAt)
                .ThenBy(j => j.Request.JobId, StringComparer.Ordinal));
            _shares[group.Key] = shares.GetValueOrDefault(group.Key);
            Enqueue(group.Key);
        }

        Count = _byTeam.Values.Sum(q => q.Count);
    }

    /// <summary>How many jobs are left.</summary>
    public int Count { get; private set; }

    /// <summary>Takes the next job in order; false when none is left.</summary>
    public bool TryDequeue(out QueuedJob job)
    {
        if (_order.Count == 0)
        {
            job = null!;
            return false;
        }

        var head = _order.Min!;
        _order.Remove(head);
        _heads.Remove(head.Team);
        job = _byTeam[head.Team].Dequeue();
        Count--;
        Enqueue(head.Team);
        return true;
    }

    /// <summary>Changes <paramref name="team"/>'s weighted share, which moves its next job.</summary>
    public void SetShare(string team, double share)
    {
        _shares[team] = share;
        if (_heads.Remove(team, out var head))
        {
            _order.Remove(head);
            Enqueue(team);
        }
    }

    private void Enqueue(string team)
    {
        if (_byTeam[team].TryPeek(out var next))
        {
            var head = new Head(team, next.Request.PriorityValue, _shares[team], next.Request.SubmittedAt, next.Request.JobId);
            _heads[team] = head;
            _order.Add(head);
        }
    }

    private sealed record Head(string Team, int Priority, double Share, DateTimeOffset SubmittedAt, string JobId);

    private sealed class HeadOrder : IComparer<Head>
    {
        public static readonly HeadOrder Instance = new();

        public int Compare(Head? x, Head? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            var c = y!.Priority.CompareTo(x!.Priority);
            c = c != 0 ? c : x.Share.CompareTo(y.Share);
            c = c != 0 ? c : x.SubmittedAt.CompareTo(y.SubmittedAt);
            c = c != 0 ? c : string.CompareOrdinal(x.JobId, y.JobId);
            return c != 0 ? c : string.CompareOrdinal(x.Team, y.Team);
        }
    }
}
