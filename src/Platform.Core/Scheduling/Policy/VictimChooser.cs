using Platform.Contracts.Scheduling;

namespace Platform.Core.Scheduling.Policy;

/// <summary>
/// Chooses which running jobs to preempt so that a queued job fits: jobs of its cohort that borrow
/// beyond their team's quota when the queued job stays within its nominal quota (as far as
/// <see cref="ReclaimWithinCohort"/> allows), and jobs of a lower, preemptible class of its own team
/// (or of its cohort when <see cref="CohortPolicy.PreemptAcrossTeams"/>). The fewest victims,
/// then the youngest, then by id; only a set that really makes the job fit (by
/// <see cref="GangPlacer"/> on the nodes without the victims) and keeps it within its quota.
/// </summary>
public static class VictimChooser
{
    /// <summary>How many candidate sets one choice tries at most: 200. Bounds the cost of a choice on a large pool.</summary>
    public const int MaxFitChecks = 200;

    /// <param name="job">The job that does not fit.</param>
    /// <param name="policy">Quotas, cohorts and what preemption they allow.</param>
    /// <param name="usage">What every team uses; restored before returning.</param>
    /// <param name="poolCapacity">The capacity of the pool's nodes together.</param>
    /// <param name="nodes">The pool's nodes that take new work.</param>
    /// <param name="running">The jobs that hold resources in the pool.</param>
    /// <param name="placed">Allocations made earlier in the same plan: held, never victims.</param>
    /// <returns>The victims, or null when no allowed set makes the job fit.</returns>
    public static VictimChoice? Choose(
        QueuedJob job, SharingPolicy policy, QuotaLedger usage, Amount poolCapacity,
        IReadOnlyList<NodeCapacity> nodes, IReadOnlyList<RunningJob> running, IReadOnlyList<Allocation> placed)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(running);
        var candidates = Candidates(job, policy, running);
        if (candidates.Count == 0)
        {
            return null;
        }

        var fit = new FitCheck(job, policy, usage, poolCapacity, nodes, running, placed);
        if (!fit.Fits(candidates))
        {
            return null;
        }

        foreach (var single in candidates)
        {
            if (fit.Checks >= MaxFitChecks)
            {
                break;
            }

            if (fit.Fits([single]))
            {
                return Choice([single]);
            }
        }

        var chosen = new List<(RunningJob Job, PreemptionRule Rule)>();
        foreach (var candidate in candidates)
        {
            chosen.Add(candidate);
            if (fit.Fits(chosen))
            {
                break;
            }
        }

        // Drop, oldest first, any victim the job fits without, so that the set is as small and as young as it can be.
        for (var i = chosen.Count - 1; i >= 0 && chosen.Count > 1 && fit.Checks < MaxFitChecks; i--)
        {
            var without = chosen.Where((_, j) => j != i).ToList();
            if (fit.Fits(without))
            {
                chosen = without;
            }
        }

        return Choice(chosen);
    }

    /// <summary>The jobs the policy lets <paramref name="job"/> preempt, youngest first, then by id.</summary>
    private static List<(RunningJob Job, PreemptionRule Rule)> Candidates(QueuedJob job, SharingPolicy policy, IReadOnlyList<RunningJob> running)
    {
        var team = job.Team;
        var priority = job.Request.PriorityValue;
        var preemption = policy.PreemptionOf(team);
        var list = new List<(RunningJob Job, PreemptionRule Rule)>();
        foreach (var other in running)
        {
            if (other.StoppingFor is not null)
            {
                continue;
            }

            var ownTeam = string.Equals(other.Team, team, StringComparison.Ordinal);
            var cohort = !ownTeam && policy.SameCohort(other.Team, team);
            var reclaim = other.Borrowing && cohort && preemption.Reclaim switch
            {
                ReclaimWithinCohort.Any => true,
                ReclaimWithinCohort.LowerPriority => other.PriorityValue < priority,
                _ => false,
            };
            var byPriority = other.Preemptible && other.PriorityValue < priority && (ownTeam || (cohort && preemption.PreemptAcrossTeams));
            if (reclaim || byPriority)
            {
                list.Add((other, reclaim ? PreemptionRule.Reclaim : PreemptionRule.Priority));
            }
        }

        return [.. list.OrderByDescending(c => c.Job.StartedAt).ThenBy(c => c.Job.JobId, StringComparer.Ordinal)];
    }

    private static VictimChoice Choice(IReadOnlyList<(RunningJob Job, PreemptionRule Rule)> chosen) =>
        new([.. chosen.Select(c => c.Job)], [.. chosen.Select(c => c.Rule)]);
}
