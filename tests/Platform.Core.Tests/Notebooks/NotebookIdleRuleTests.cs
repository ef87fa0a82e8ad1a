using Platform.Contracts.Nodes;
using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookIdleRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(60);

    private static DateTimeOffset Ago(int minutes) => Now.AddMinutes(-minutes);

    /// <summary>Case, signals, expected last activity, idle with a 60-minute timeout.</summary>
    public static TheoryData<string, ActivitySignals, DateTimeOffset, bool> Cases => new()
    {
        { "ready and never touched", new(Ago(61), null, [], []), Ago(61), true },
        { "ready just now", new(Ago(1), null, [], []), Ago(1), false },
        { "exactly the timeout", new(Ago(60), null, [], []), Ago(60), true },
        { "a proxied request recently", new(Ago(120), Ago(59), [], []), Ago(59), false },
        { "a proxied request long ago", new(Ago(180), Ago(61), [], []), Ago(61), true },
        { "an idle kernel used recently", new(Ago(180), Ago(170), [Kernel("idle", Ago(5))], []), Ago(5), false },
        { "an idle kernel used long ago", new(Ago(180), Ago(170), [Kernel("idle", Ago(90))], []), Ago(90), true },
        { "a kernel busy now, nothing else for hours", new(Ago(600), null, [Kernel("busy", Ago(500))], []), Now, false },
        { "one busy kernel among idle ones", new(Ago(600), null, [Kernel("idle", Ago(500)), Kernel("busy", null)], []), Now, false },
        { "a kernel without last activity", new(Ago(90), null, [Kernel("idle", null)], []), Ago(90), true },
        { "a starting kernel is not busy", new(Ago(90), null, [Kernel("starting", Ago(70))], []), Ago(70), true },
        { "a busy GPU", new(Ago(600), null, [], [0, 87]), Now, false },
        { "GPUs below the busy threshold", new(Ago(61), null, [], [0, 4.9]), Ago(61), true },
        { "a GPU at the threshold", new(Ago(61), null, [], [5]), Now, false },
        { "a kernel clock ahead of ours", new(Ago(61), null, [Kernel("idle", Now.AddMinutes(3))], []), Now, false },
        { "a request before Ready does not age it", new(Ago(10), Ago(30), [], []), Ago(10), false },
        { "Jupyter silent, not for long", new(Ago(120), null, null, [], Ago(5)), Ago(120), false },
        { "Jupyter silent for the whole timeout", new(Ago(120), null, null, [], Ago(60)), Ago(120), true },
        { "Jupyter silent but a request recently", new(Ago(120), Ago(1), null, [], Ago(90)), Ago(1), false },
        { "Jupyter silent but its GPU busy", new(Ago(120), null, null, [70], Ago(90)), Now, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Idle_means_no_busy_kernel_gpu_or_proxied_request_for_the_timeout(
        string name, ActivitySignals signals, DateTimeOffset lastActivity, bool idle)
    {
        var last = NotebookIdleRule.LastActivity(signals, Now);

        Assert.True(lastActivity == last, $"{name}: last activity {last:O}, expected {lastActivity:O}");
        Assert.True(idle == NotebookIdleRule.IsIdle(signals, Now, Timeout), $"{name}: idle should be {idle}");
    }

    [Fact]
    public void Only_recent_gpu_readings_count()
    {
        GpuUtilisation?[] readings =
        [
            new GpuUtilisation(0, 90, Now.AddSeconds(-10)),
            new GpuUtilisation(1, 80, Now.AddMinutes(-2)),
            null,
            new GpuUtilisation(3, 0, Now),
        ];

        Assert.Equal([90, 0], NotebookIdleRule.RecentUtilisation(readings, Now));
    }

    private static KernelActivity Kernel(string state, DateTimeOffset? last) => new(state, last);
}
