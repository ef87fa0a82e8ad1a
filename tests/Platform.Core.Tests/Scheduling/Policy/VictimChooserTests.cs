using Platform.Core.Scheduling.Policy;
using static Platform.Core.Tests.Scheduling.Policy.Jobs;
using static Platform.Core.Tests.Scheduling.Policy.Nodes;
using static Platform.Core.Tests.Scheduling.Policy.Policies;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Which running jobs a queued job may preempt, in <see cref="Policies.Research"/> unless a row says otherwise.</summary>
public sealed class VictimChooserTests
{
    private sealed record Row(QueuedJob Job, RunningJob[] Running, string Expected, PoolNode[]? Pool = null, SharingPolicy? Policy = null, RunningJob[]? Placed = null);

    private static readonly PoolNode[] OneNode = [Node("a")];

    private static SharingPolicy With(ReclaimWithinCohort reclaim = ReclaimWithinCohort.Any, bool acrossTeams = false) => Build(new()
    {
        ["vision"] = Team("research", 8, borrow: 4),
        ["nlp"] = Team("research", 8),
        ["solo"] = Team(null, 8),
    }, reclaim, acrossTeams);

    private static readonly Dictionary<string, Row> Table = new()
    {
        ["a lender within its nominal reclaims from the youngest borrower"] = new(
            Queued("n1", "nlp", gpusPerTask: 4),
            [Running("v1", "vision", "a", 4, 0, started: 1, borrowing: true), Running("v2", "vision", "a", 4, 4, started: 2, borrowing: true)],
            "v2:Reclaim"),
        ["the fewest victims come before the youngest"] = new(
            Queued("n1", "nlp", gpusPerTask: 4),
            [Running("old", "vision", "a", 4, 0, started: 1, borrowing: true),
             Running("young1", "vision", "a", 2, 4, started: 3, borrowing: true), Running("young2", "vision", "a", 2, 6, started: 4, borrowing: true)],
            "old:Reclaim"),
        ["several victims when no one is enough, none more than needed"] = new(
            Queued("n1", "nlp", gpusPerTask: 6),
            [Running("old", "vision", "a", 4, 0, started: 1, borrowing: true),
             Running("young1", "vision", "a", 2, 4, started: 3, borrowing: true), Running("young2", "vision", "a", 2, 6, started: 4, borrowing: true)],
            "young2:Reclaim old:Reclaim"),
        ["jobs within their team's quota are not reclaimed"] = new(
            Queued("n1", "nlp", gpusPerTask: 4),
            [Running("v1", "vision", "a", 8, 0, started: 1)], "none"),
        ["reclaim Never leaves borrowers alone"] = new(
            Queued("n1", "nlp", gpusPerTask: 4),
            [Running("v1", "vision", "a", 8, 0, borrowing: true)], "none", Policy: With(ReclaimWithinCohort.Never)),
        ["reclaim LowerPriority spares a borrower of a higher class"] = new(
            Queued("n1", "nlp", priority: 100, gpusPerTask: 4),
            [Running("v1", "vision", "a", 8, 0, priority: 1000, borrowing: true)], "none", Policy: With(ReclaimWithinCohort.LowerPriority)),
        ["reclaim LowerPriority takes a borrower of a lower class"] = new(
            Queued("n1", "nlp", priority: 100, gpusPerTask: 4),
            [Running("v1", "vision", "a", 8, 0, priority: 0, borrowing: true)], "v1:Reclaim", Policy: With(ReclaimWithinCohort.LowerPriority)),
        ["a higher class preempts a lower preemptible class of its own team"] = new(
            Queued("s1", "solo", priority: 1000, gpusPerTask: 4),
            [Running("low", "solo", "a", 8, 0, priority: 0, preemptible: true)], "low:Priority", Policy: With()),
        ["a lower class that is not preemptible stays"] = new(
            Queued("s1", "solo", priority: 1000, gpusPerTask: 4),
            [Running("normal", "solo", "a", 8, 0, priority: 100)], "none", Policy: With()),
        ["an equal class is never preempted"] = new(
            Queued("s1", "solo", priority: 0, gpusPerTask: 4),
            [Running("low", "solo", "a", 8, 0, priority: 0, preemptible: true)], "none", Policy: With()),
        ["another team's lower class stays unless the cohort preempts across teams"] = new(
            Queued("n1", "nlp", priority: 1000, gpusPerTask: 8),
            [Running("v1", "vision", "a", 8, 0, priority: 0, preemptible: true)], "none", Policy: With()),
        ["across teams of one cohort when the policy allows it"] = new(
            Queued("n1", "nlp", priority: 1000, gpusPerTask: 8),
            [Running("v1", "vision", "a", 8, 0, priority: 0, preemptible: true)], "v1:Priority", Policy: With(acrossTeams: true)),
        ["never across a cohort, whatever the policy"] = new(
            Queued("s1", "solo", priority: 1000, gpusPerTask: 8),
            [Running("v1", "vision", "a", 8, 0, priority: 0, preemptible: true)], "none", Policy: With(acrossTeams: true)),
        ["no preemption when the victims' room would not make the job fit"] = new(
            Queued("n1", "nlp", gpusPerTask: 8),
            [Running("v1", "vision", "a", 4, 0, borrowing: true), Running("n0", "nlp", "b", 4, 0)], "none", [Node("a"), Node("b")]),
        ["no preemption that would take the job beyond its own quota"] = new(
            Queued("n9", "nlp", gpusPerTask: 4),
            [Running("n0", "nlp", "a", 6, 0), Running("v1", "vision", "a", 2, 6, borrowing: true)], "none"),
        ["a job placed earlier in the same plan is never a victim"] = new(
            Queued("n1", "nlp", gpusPerTask: 8), [], "none", Placed: [Running("v1", "vision", "a", 8, borrowing: true)]),
        ["a job already stopping is not chosen again"] = new(
            Queued("n1", "nlp", gpusPerTask: 4),
            [Running("v1", "vision", "a", 4, 0, started: 1, borrowing: true), Running("v2", "vision", "a", 4, 4, started: 2, borrowing: true, stoppingFor: "n0")],
            "v1:Reclaim"),
    };

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory, MemberData(nameof(Cases))]
    public void Victims_are_the_fewest_then_youngest_the_policy_allows(string because)
    {
        var row = Table[because];
        var policy = row.Policy ?? With();
        var usage = new QuotaLedger();
        foreach (var job in row.Running.Concat(row.Placed ?? []).Where(r => r.StoppingFor is null))
        {
            usage.Add(job.Team, job.Pool, Amount.Of(job.Allocation));
        }

        var nodes = (row.Pool ?? OneNode).Select(n => n.Node).ToList();
        var capacity = new Amount(nodes.Sum(n => n.Gpus.Count), 1_000_000, 10_000_000);

        var choice = VictimChooser.Choose(row.Job, policy, usage, capacity, nodes, row.Running, [.. (row.Placed ?? []).Select(p => p.Allocation)]);

        var actual = choice is null ? "none" : string.Join(' ', choice.Victims.Select((v, i) => $"{v.JobId}:{choice.Rules[i]}"));
        Assert.True(row.Expected == actual, $"{because}: {actual}");
    }
}
