using Platform.Core.Scheduling.Policy;
using Xunit.Abstractions;
using static Platform.Core.Tests.Scheduling.Policy.Jobs;
using static Platform.Core.Tests.Scheduling.Policy.Nodes;
using static Platform.Core.Tests.Scheduling.Policy.Policies;

namespace Platform.Core.Tests.Scheduling.Policy;

/// <summary>Sequences of plans with a simulated clock: the starvation bound and no flapping.</summary>
public sealed class SimulationTests(ITestOutputHelper output)
{
    public static TheoryData<string, bool> FloodCases => new()
    {
        { "small jobs with deadlines: the reservation has an estimated start and backfill uses the gap", true },
        { "small jobs without deadlines: the reservation holds its nodes until they drain", false },
    };

    [Theory, MemberData(nameof(FloodCases))]
    public void A_32_gpu_job_in_a_flood_of_1_gpu_jobs_starts_within_a_bounded_wait(string why, bool deadlines)
    {
        const double bigSubmitted = 5, maxDuration = 5, boundMinutes = 2 * maxDuration;
        var sim = new Simulation(Build([]), [Node("a"), Node("b"), Node("c"), Node("d")]);
        var n = 0;
        for (var minute = 0; minute < 60; minute++)
        {
            if (minute == bigSubmitted)
            {
                sim.Submit(Queued("big", "guest", submitted: minute, gpusPerTask: 8, tasks: 4), 10);
            }

            for (var i = 0; i < 8; i++, n++)
            {
                var duration = 1 + (n % (int)maxDuration);
                sim.Submit(Queued($"s{n:D4}", "guest", submitted: minute + (i / 100.0), deadline: deadlines ? duration * 60 : null), duration);
            }

            sim.Step();
            sim.Advance(1);
        }

        Assert.True(sim.StartedAt.TryGetValue("big", out var started), $"{why}: the 32-GPU job never started");
        output.WriteLine($"{why}: waited {started - bigSubmitted} minutes; {sim.StartedAt.Count} jobs started");
        Assert.True(started - bigSubmitted <= boundMinutes, $"{why}: waited {started - bigSubmitted} minutes");
        Assert.True(sim.StartedAt.Count > 300, $"{why}: the flood kept running: {sim.StartedAt.Count} jobs started");
    }

    [Fact]
    public void Two_teams_at_equal_share_do_not_preempt_each_other_back_and_forth()
    {
        var policy = Build(new() { ["left"] = Team("pair", 8), ["right"] = Team("pair", 8) });
        var sim = new Simulation(policy, [Node("a"), Node("b")]);
        for (var minute = 0; minute < 240; minute++)
        {
            foreach (var team in new[] { "left", "right" })
            {
                sim.Submit(Queued($"{team}-{minute:D3}", team, submitted: minute), 3);
                sim.Submit(Queued($"{team}-{minute:D3}b", team, submitted: minute, gpusPerTask: 4), 3);
            }

            sim.Step();
            sim.Advance(1);
        }

        output.WriteLine($"{sim.Preemptions} preemptions, {sim.BorrowingPlacements} borrowing placements, {sim.StartedAt.Count} starts");
        Assert.True(sim.StartedAt.Count > 100, $"{sim.StartedAt.Count} starts");
        Assert.True(sim.Preemptions <= sim.BorrowingPlacements, $"{sim.Preemptions} preemptions for {sim.BorrowingPlacements} borrowing placements");
        Assert.True(sim.Preemptions <= 2, $"{sim.Preemptions} preemptions in 240 minutes of equal demand");
    }
}
