using Platform.Training.Server;

namespace Platform.Training.Tests.Server;

public class SyncStepAggregatorTests
{
    public static TheoryData<string, string> Sequences => new()
    {
        // offers "rank@step" in arrival order (3 participants, shard at step 5), expected outcomes
        { "0@5 1@5 2@5", "Accepted Accepted Completed" },
        { "2@5 0@5 1@5", "Accepted Accepted Completed" },
        { "0@5 0@5 1@5 1@5 2@5", "Accepted Duplicate Accepted Duplicate Completed" },
        { "0@4 1@3", "AlreadyApplied AlreadyApplied" },
        { "0@6 1@5", "Ahead Accepted" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Each_rank_counts_once_per_step(string offers, string expected)
    {
        var aggregator = new SyncStepAggregator(participants: 3, length: 2, step: 5);

        var outcomes = offers.Split(' ').Select(offer => offer.Split('@')).Select(parts =>
            aggregator.Offer(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), [1f, 2f]));

        Assert.Equal(expected, string.Join(" ", outcomes));
    }

    [Fact]
    public void The_average_sums_in_rank_order_and_moves_to_the_next_step()
    {
        var aggregator = new SyncStepAggregator(participants: 3, length: 2, step: 0);
        aggregator.Offer(2, 0, [3f, 30f]);
        aggregator.Offer(0, 0, [1f, 10f]);
        aggregator.Offer(1, 0, [2f, 20f]);

        Assert.Equal([2f, 20f], aggregator.TakeAverage());
        Assert.Equal(1, aggregator.Step);
        Assert.Equal(SyncOffer.AlreadyApplied, aggregator.Offer(0, 0, [9f, 9f]));
        Assert.Equal(SyncOffer.Accepted, aggregator.Offer(0, 1, [9f, 9f]));
    }

    [Fact]
    public void A_late_duplicate_cannot_change_the_kept_gradient()
    {
        var aggregator = new SyncStepAggregator(participants: 2, length: 1, step: 0);
        aggregator.Offer(0, 0, [1f]);
        aggregator.Offer(0, 0, [100f]);
        aggregator.Offer(1, 0, [3f]);

        Assert.Equal([2f], aggregator.TakeAverage());
    }

    [Fact]
    public void Average_before_every_gradient_arrived_is_refused()
    {
        var aggregator = new SyncStepAggregator(participants: 2, length: 1, step: 0);
        aggregator.Offer(0, 0, [1f]);

        Assert.Throws<InvalidOperationException>(aggregator.TakeAverage);
    }
}
