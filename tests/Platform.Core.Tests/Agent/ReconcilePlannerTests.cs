using Platform.Core.Agent;
using static Platform.Core.Tests.Agent.AgentTasks;

namespace Platform.Core.Tests.Agent;

public class ReconcilePlannerTests
{
    private static readonly Dictionary<string, ReconcileCase> Table = new()
    {
        ["desired task with nothing observed is started"] = new(
            [Want("j1", "worker-0")], [], [],
            "start [j1/worker-0#0] stop [] remove [] current []"),
        ["every desired task of a job is started"] = new(
            [Want("j1", "ps-0"), Want("j1", "worker-0"), Want("j1", "worker-1")], [], [],
            "start [j1/ps-0#0 j1/worker-0#0 j1/worker-1#0] stop [] remove [] current []"),
        ["running container of the desired attempt is adopted, not started again"] = new(
            [Want("j1", "worker-0")], [Running("c1", "j1", "worker-0")], [],
            "start [] stop [] remove [] current [j1/worker-0#0=c1]"),
        ["exited container of the desired attempt is current: reported, not restarted"] = new(
            [Want("j1", "worker-0")], [Exited("c1", "j1", "worker-0", exitCode: 1)], [],
            "start [] stop [] remove [] current [j1/worker-0#0=c1]"),
        ["successful exit of the desired attempt is current, not restarted"] = new(
            [Want("j1", "worker-0")], [Exited("c1", "j1", "worker-0", exitCode: 0)], [],
            "start [] stop [] remove [] current [j1/worker-0#0=c1]"),
        ["older attempt still running is stopped and the new attempt waits for it: never two copies at once"] = new(
            [Want("j1", "worker-0", attempt: 1)], [Running("c1", "j1", "worker-0", attempt: 0)], [],
            "start [] stop [c1] remove [] current []"),
        ["a still running older attempt holds back only its own task"] = new(
            [Want("j1", "worker-0", attempt: 1), Want("j1", "worker-1", attempt: 1)], [Running("c1", "j1", "worker-0", attempt: 0)], [],
            "start [j1/worker-1#1] stop [c1] remove [] current []"),
        ["older attempt that exited is removed and the new attempt started"] = new(
            [Want("j1", "worker-0", attempt: 1)], [Exited("c1", "j1", "worker-0", attempt: 0, exitCode: 1)], [],
            "start [j1/worker-0#1] stop [] remove [c1] current []"),
        ["older attempt is removed while the new attempt already runs"] = new(
            [Want("j1", "worker-0", attempt: 2)],
            [Exited("c1", "j1", "worker-0", attempt: 1, exitCode: 1), Running("c2", "j1", "worker-0", attempt: 2)], [],
            "start [] stop [] remove [c1] current [j1/worker-0#2=c2]"),
        ["running task of a job no longer desired is stopped"] = new(
            [], [Running("c1", "j1", "worker-0")], [],
            "start [] stop [c1] remove [] current []"),
        ["exited task of a job no longer desired is removed"] = new(
            [], [Exited("c1", "j1", "worker-0")], [],
            "start [] stop [] remove [c1] current []"),
        ["tasks of an undesired job go while another job's tasks stay"] = new(
            [Want("j2", "worker-0")],
            [Running("c1", "j1", "worker-0"), Exited("c2", "j1", "ps-0"), Running("c3", "j2", "worker-0")], [],
            "start [] stop [c1] remove [c2] current [j2/worker-0#0=c3]"),
        ["of two containers of one attempt the running one is kept, the exited one removed"] = new(
            [Want("j1", "worker-0")],
            [Exited("c1", "j1", "worker-0", exitCode: 137), Running("c2", "j1", "worker-0")], [],
            "start [] stop [] remove [c1] current [j1/worker-0#0=c2]"),
        ["of two running containers of one attempt the first started is kept, the other stopped"] = new(
            [Want("j1", "worker-0")],
            [Running("c2", "j1", "worker-0", startedSecond: 5), Running("c1", "j1", "worker-0", startedSecond: 1)], [],
            "start [] stop [c2] remove [] current [j1/worker-0#0=c1]"),
        ["attempt whose start failed is not started again"] = new(
            [Want("j1", "worker-0")], [], [Failed("j1", "worker-0", 0)],
            "start [] stop [] remove [] current []"),
        ["a failed start of an older attempt does not hold back the new attempt"] = new(
            [Want("j1", "worker-0", attempt: 1)], [], [Failed("j1", "worker-0", 0)],
            "start [j1/worker-0#1] stop [] remove [] current []"),
        ["a failed start of one task does not hold back its siblings"] = new(
            [Want("j1", "worker-0"), Want("j1", "worker-1")], [], [Failed("j1", "worker-0", 0)],
            "start [j1/worker-1#0] stop [] remove [] current []"),
        ["same task name in two jobs are different tasks"] = new(
            [Want("j1", "worker-0"), Want("j2", "worker-0")], [Running("c1", "j1", "worker-0")], [],
            "start [j2/worker-0#0] stop [] remove [] current [j1/worker-0#0=c1]"),
    };

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Plan_makes_the_node_match_the_desired_tasks(string because)
    {
        var row = Table[because];

        var plan = ReconcilePlanner.Plan(row.Desired, row.Observed, row.FailedStarts.ToHashSet());

        Assert.Equal(row.Expected, Describe(plan));
    }

    [Fact]
    public void Nothing_desired_and_nothing_observed_plans_nothing()
    {
        var plan = ReconcilePlanner.Plan([], [], new HashSet<string>());

        Assert.Equal("start [] stop [] remove [] current []", Describe(plan));
    }

    [Fact]
    public void Task_with_an_action_in_flight_is_not_started_again_whatever_the_listing_says()
    {
        var busy = new HashSet<string> { Contracts.Nodes.TaskKey.Of("j1", "worker-0") };

        var plan = ReconcilePlanner.Plan([Want("j1", "worker-0"), Want("j1", "worker-1")], [], new HashSet<string>(), busy);

        Assert.Equal("start [j1/worker-1#0] stop [] remove [] current []", Describe(plan));
    }

    [Fact]
    public void Attempt_key_names_job_task_and_attempt() =>
        Assert.Equal("j1/worker-0#3", ReconcilePlanner.AttemptKey("j1", "worker-0", 3));
}
