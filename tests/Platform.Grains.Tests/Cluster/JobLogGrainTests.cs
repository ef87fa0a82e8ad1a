using Platform.Contracts.Logs;

namespace Platform.Grains.Tests.Cluster;

public sealed class JobLogGrainTests(PlatformClusterFixture cluster) : IClassFixture<PlatformClusterFixture>
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly string _jobId = $"logs-{Guid.NewGuid():N}";

    private IJobLogGrain Log => cluster.Client.GetGrain<IJobLogGrain>(_jobId);

    [Fact]
    public async Task Lines_are_numbered_in_arrival_order_across_appends()
    {
        await Log.AppendAsync([Entry("ps-0", "a"), Entry("worker-0", "b"), Entry("worker-0", "c")]);
        await Log.AppendAsync([Entry("ps-0", "d"), Entry("worker-1", "e")]);

        var page = await Log.ReadAsync(null, 0, 100);

        Assert.Equal(
            [(1L, "ps-0", "a"), (2L, "worker-0", "b"), (3L, "worker-0", "c"), (4L, "ps-0", "d"), (5L, "worker-1", "e")],
            page.Lines.Select(line => (line.Seq, line.Task, line.Text)));
        Assert.Equal(5, page.Next);
    }

    [Fact]
    public async Task Pages_follow_one_another_through_next()
    {
        await Log.AppendAsync([.. Enumerable.Range(1, 5).Select(i => Entry("worker-0", $"line {i}"))]);

        var first = await Log.ReadAsync(null, 0, 2);
        var second = await Log.ReadAsync(null, first.Next, 2);
        var third = await Log.ReadAsync(null, second.Next, 2);
        var past = await Log.ReadAsync(null, third.Next, 2);

        Assert.Equal([1L, 2L], first.Lines.Select(line => line.Seq));
        Assert.Equal([3L, 4L], second.Lines.Select(line => line.Seq));
        Assert.Equal([5L], third.Lines.Select(line => line.Seq));
        Assert.Empty(past.Lines);
        Assert.Equal(5, past.Next);
    }

    [Fact]
    public async Task Task_filter_pages_through_one_tasks_lines()
    {
        await Log.AppendAsync([Entry("ps-0", "p1"), Entry("worker-0", "w1"), Entry("ps-0", "p2"), Entry("worker-0", "w2"), Entry("worker-0", "w3")]);

        var first = await Log.ReadAsync("worker-0", 0, 2);
        var second = await Log.ReadAsync("worker-0", first.Next, 2);

        Assert.Equal(["w1", "w2"], first.Lines.Select(line => line.Text));
        Assert.Equal(4, first.Next);
        Assert.Equal(["w3"], second.Lines.Select(line => line.Text));
    }

    [Fact]
    public async Task Line_keeps_its_stream_and_time()
    {
        await Log.AppendAsync([new LogEntry("worker-0", "stderr", T0.AddTicks(42), "oops", "c-worker-0", NextOffset())]);

        var line = Assert.Single((await Log.ReadAsync(null, 0, 10)).Lines);

        Assert.Equal(new LogLine(1, "worker-0", "stderr", T0.AddTicks(42), "oops"), line);
    }

    [Fact]
    public async Task Shipped_offset_of_a_source_is_its_last_stored_line()
    {
        Assert.Equal(0, await Log.GetShippedAsync("c-1"));

        await Log.AppendAsync([Numbered("c-1", 1, "a"), Numbered("c-1", 2, "b"), Numbered("c-2", 1, "c")]);

        Assert.Equal(2, await Log.GetShippedAsync("c-1"));
        Assert.Equal(1, await Log.GetShippedAsync("c-2"));
    }

    [Fact]
    public async Task Lines_shipped_again_are_stored_once()
    {
        await Log.AppendAsync([Numbered("c-1", 1, "a"), Numbered("c-1", 2, "b")]);

        await Log.AppendAsync([Numbered("c-1", 1, "a"), Numbered("c-1", 2, "b"), Numbered("c-1", 3, "c")]);
        await Log.AppendAsync([Numbered("c-1", 3, "c")]);

        Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], (await Log.ReadAsync(null, 0, 10)).Lines.Select(line => (line.Seq, line.Text)));
    }

    [Fact]
    public async Task Numbering_carries_on_after_the_log_grain_is_reactivated()
    {
        await Log.AppendAsync([Entry("worker-0", "before-1"), Entry("worker-0", "before-2")]);

        await cluster.Cluster.DeactivateAsync(Log);
        await Log.AppendAsync([Entry("worker-0", "after")]);

        var page = await Log.ReadAsync(null, 0, 100);
        Assert.Equal([1L, 2L, 3L], page.Lines.Select(line => line.Seq));
        Assert.Equal("after", page.Lines[2].Text);
    }

    [Fact]
    public async Task Empty_append_stores_nothing()
    {
        await Log.AppendAsync([]);
        await Log.AppendAsync([Entry("worker-0", "first")]);

        Assert.Equal([1L], (await Log.ReadAsync(null, 0, 10)).Lines.Select(line => line.Seq));
    }

    [Fact]
    public async Task Each_job_numbers_its_own_lines()
    {
        var other = cluster.Client.GetGrain<IJobLogGrain>($"{_jobId}-other");
        await Log.AppendAsync([Entry("worker-0", "mine")]);
        await other.AppendAsync([Entry("worker-0", "theirs")]);

        Assert.Equal([(1L, "mine")], (await Log.ReadAsync(null, 0, 10)).Lines.Select(line => (line.Seq, line.Text)));
        Assert.Equal([(1L, "theirs")], (await other.ReadAsync(null, 0, 10)).Lines.Select(line => (line.Seq, line.Text)));
    }

    private static long _offset;

    private static long NextOffset() => Interlocked.Increment(ref _offset);

    private static LogEntry Entry(string task, string text, int seconds = 0) =>
        new(task, "stdout", T0.AddSeconds(seconds), text, $"c-{task}", NextOffset());

    private static LogEntry Numbered(string source, long offset, string text) => new("worker-0", "stdout", T0, text, source, offset);
}
