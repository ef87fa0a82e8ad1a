using Platform.Training.Server;

namespace Platform.Training.Tests.Server;

public class AsyncPushFilterTests
{
    public static TheoryData<long, string, string> Sequences => new()
    {
        // max staleness, pushes "rank/session/sequence/pushed step/current step", expected decisions
        { 0, "0/a/1/0/0 0/a/2/0/1 1/b/1/0/2", "Apply Apply Apply" },
        { 0, "0/a/1/0/0 0/a/1/0/1 0/a/0/0/1", "Apply Duplicate Duplicate" },
        { 0, "0/a/5/0/0 0/c/1/0/1", "Apply Apply" },
        { 0, "0/a/1/0/1000", "Apply" },
        { 3, "0/a/1/10/13 0/a/2/10/14 0/a/2/10/14", "Apply TooStale Duplicate" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Retries_are_dropped_and_staleness_is_bounded_when_asked(long maxStaleness, string pushes, string expected)
    {
        var filter = new AsyncPushFilter(maxStaleness);

        var decisions = pushes.Split(' ').Select(push => push.Split('/')).Select(p =>
            filter.Decide(int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1], long.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture), long.Parse(p[3], System.Globalization.CultureInfo.InvariantCulture), long.Parse(p[4], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(expected, string.Join(" ", decisions));
    }
}
