using Platform.Core.Jobs.Lifecycle;

namespace Platform.Core.Tests.Jobs.Lifecycle;

public sealed class RestartBackoffTests
{
    private static readonly RestartBackoff Kubelet = RestartBackoff.Default;

    public static TheoryData<int, double> Delays => new()
    {
        { 0, 0 },
        { 1, 10 },
        { 2, 20 },
        { 3, 40 },
        { 4, 80 },
        { 5, 160 },
        { 6, 300 },
        { 7, 300 },
        { 100, 300 },
        { int.MaxValue, 300 },
    };

    [Theory]
    [MemberData(nameof(Delays))]
    public void Restarts_wait_10_seconds_doubling_to_5_minutes(int step, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Kubelet.DelayBefore(step));

    public static TheoryData<int, double?, int> Steps => new()
    {
        { 0, null, 1 },
        { 0, 3, 1 },
        { 1, 3, 2 },
        { 5, 599, 6 },
        { 5, 600, 1 },
        { 5, null, 6 },
        { -1, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public void A_run_of_ten_minutes_starts_the_count_again(int previous, double? ranSeconds, int next) =>
        Assert.Equal(next, Kubelet.NextStep(previous, ranSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));

    [Fact]
    public void No_initial_delay_restarts_at_once() =>
        Assert.Equal(TimeSpan.Zero, (Kubelet with { Initial = TimeSpan.Zero }).DelayBefore(5));

    public static TheoryData<double, double, double, bool> Settings => new()
    {
        { 10, 300, 600, true },
        { 0, 0, 0, true },
        { -1, 300, 600, false },
        { 10, 5, 600, false },
        { 10, 3601, 600, false },
        { 3601, 3601, 600, false },
        { 10, 300, -1, false },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Settings_are_checked(double initial, double max, double resetAfter, bool usable) =>
        Assert.Equal(usable, new RestartBackoff(TimeSpan.FromSeconds(initial), TimeSpan.FromSeconds(max), TimeSpan.FromSeconds(resetAfter)).Problem() is null);
}
