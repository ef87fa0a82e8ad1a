using Platform.Core.Agent;
using static Platform.Core.Tests.Agent.AgentTasks;

namespace Platform.Core.Tests.Agent;

public class StartsUnderWayTests
{
    [Fact]
    public void A_start_begun_rounds_ago_and_still_going_is_reported_though_no_listing_shows_it()
    {
        var starts = new StartsUnderWay();
        starts.Begun(Want("j1", "worker-0"));

        starts.ForgetFinished(_ => false);
        starts.ForgetFinished(_ => false);

        Assert.Equal(["j1/worker-0"], starts.Unlisted([]).Select(start => start.Key));
    }

    [Fact]
    public void A_start_that_finished_after_the_listing_is_still_reported_in_that_round()
    {
        var starts = new StartsUnderWay();
        starts.ForgetFinished(_ => false);
        starts.Begun(Want("j1", "worker-0"));

        // It finished before the heartbeat, but the listing was taken before it began.
        Assert.Single(starts.Unlisted([]));
    }

    [Fact]
    public void A_start_that_finished_before_the_listing_is_forgotten_the_listing_shows_its_result()
    {
        var starts = new StartsUnderWay();
        starts.Begun(Want("j1", "worker-0"));

        starts.ForgetFinished(key => key == "j1/worker-0");

        Assert.Empty(starts.Unlisted([]));
    }

    [Fact]
    public void A_listed_start_is_not_reported_again_but_an_older_attempts_listing_does_not_count()
    {
        var starts = new StartsUnderWay();
        starts.Begun(Want("j1", "worker-0", attempt: 1));
        starts.Begun(Want("j1", "worker-1", attempt: 1));

        var unlisted = starts.Unlisted([Running("c1", "j1", "worker-0", attempt: 1), Running("c2", "j1", "worker-1", attempt: 0)]);

        Assert.Equal(["j1/worker-1"], unlisted.Select(start => start.Key));
    }
}
