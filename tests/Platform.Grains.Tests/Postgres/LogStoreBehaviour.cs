using System.Data.Common;
using Platform.Contracts.Logs;
using Platform.Grains.Logs;

namespace Platform.Grains.Tests.Postgres;

/// <summary>What every <see cref="ILogStore"/> does, run against SQLite (embedded) and PostgreSQL (cluster).</summary>
public abstract class LogStoreBehaviour : IAsyncLifetime
{
    protected static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    protected ILogStore Store { get; private set; } = null!;

    protected abstract Task<ILogStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Lines_read_back_oldest_first_with_every_field()
    {
        await Store.AppendAsync("job-1", Stored([Line(2, "worker-0", "b", stream: "stderr"), Line(1, "ps-0", "a") with { Continued = true }]), []);
        await Store.AppendAsync("job-1", Stored([Line(3, "worker-0", "c")]), []);

        Assert.Equal(
            [Line(1, "ps-0", "a") with { Continued = true }, Line(2, "worker-0", "b", stream: "stderr"), Line(3, "worker-0", "c")],
            await Store.ReadAsync("job-1", task: null, after: 0, limit: 100));
    }

    [Theory]
    [InlineData(null, 0, 100, new long[] { 1, 2, 3, 4, 5, 6 })]
    [InlineData(null, 3, 100, new long[] { 4, 5, 6 })]
    [InlineData(null, 1, 2, new long[] { 2, 3 })]
    [InlineData("worker-0", 0, 100, new long[] { 2, 4, 6 })]
    [InlineData("worker-0", 2, 1, new long[] { 4 })]
    [InlineData("ps-0", 5, 100, new long[] { })]
    public async Task Reads_by_task_after_and_limit(string? task, long after, int limit, long[] expected)
    {
        await Store.AppendAsync("job-1", Stored([.. Enumerable.Range(1, 6).Select(seq => Line(seq, seq % 2 == 0 ? "worker-0" : "ps-0", $"line {seq}"))]), []);

        Assert.Equal(expected, (await Store.ReadAsync("job-1", task, after, limit)).Select(line => line.Seq));
    }

    [Fact]
    public async Task Jobs_do_not_see_each_others_lines()
    {
        await Store.AppendAsync("job-1", Stored([Line(1, "worker-0", "one")]), []);
        await Store.AppendAsync("job-2", Stored([Line(1, "worker-0", "two")]), []);

        Assert.Equal(["one"], (await Store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Text));
        Assert.Equal(["two"], (await Store.ReadAsync("job-2", null, 0, 10)).Select(line => line.Text));
    }

    [Fact]
    public async Task A_page_ends_once_it_holds_the_most_text_a_page_may()
    {
        var part = new string('a', 64 * 1024);
        var count = SqliteLogStore.MaxPageCharacters / part.Length + 10;
        await Store.AppendAsync("job-1", Stored([.. Enumerable.Range(1, count).Select(seq => Line(seq, "worker-0", part))]), []);

        var page = await Store.ReadAsync("job-1", null, 0, 10_000);

        Assert.Equal(SqliteLogStore.MaxPageCharacters / part.Length, page.Count);
        Assert.Equal(10, (await Store.ReadAsync("job-1", null, page[^1].Seq, 10_000)).Count);
    }

    [Fact]
    public async Task Last_seq_is_the_highest_stored_or_zero()
    {
        await Store.AppendAsync("job-1", Stored([Line(1, "worker-0", "a"), Line(2, "worker-0", "b"), Line(3, "worker-0", "c")]), []);

        Assert.Equal(3, await Store.GetLastSeqAsync("job-1"));
        Assert.Equal(0, await Store.GetLastSeqAsync("job-unknown"));
    }

    [Fact]
    public async Task Last_offset_is_the_highest_stored_offset_of_the_source()
    {
        await Store.AppendAsync("job-1",
        [
            new StoredLine(Line(1, "worker-0", "a"), "c-1", 1), new StoredLine(Line(2, "worker-0", "b"), "c-1", 2),
            new StoredLine(Line(3, "worker-0", "c"), "c-2", 1),
        ], []);

        Assert.Equal(2, await Store.GetLastOffsetAsync("job-1", "c-1"));
        Assert.Equal(1, await Store.GetLastOffsetAsync("job-1", "c-2"));
        Assert.Equal(0, await Store.GetLastOffsetAsync("job-1", "c-3"));
        Assert.Equal(0, await Store.GetLastOffsetAsync("job-2", "c-1"));
    }

    [Fact]
    public async Task Times_keep_their_tick_precision_in_utc()
    {
        var time = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        await Store.AppendAsync("job-1", Stored([new LogLine(1, "worker-0", "stdout", time, "x")]), [new MetricPoint("worker-0", "loss", null, time, 1)]);

        var line = Assert.Single(await Store.ReadAsync("job-1", null, 0, 10));
        var point = Assert.Single(await Store.ReadMetricsAsync("job-1"));

        Assert.Equal((time, TimeSpan.Zero), (line.Time, line.Time.Offset));
        Assert.Equal((time, TimeSpan.Zero, (long?)null), (point.Time, point.Time.Offset, point.Step));
    }

    [Fact]
    public async Task Metric_points_read_back_by_task_and_name_oldest_first()
    {
        MetricPoint[] points =
        [
            new("worker-1", "loss", 1, T0, 0.9), new("worker-0", "loss", 1, T0, 0.8), new("worker-0", "acc", 1, T0, 0.1),
        ];
        await Store.AppendAsync("job-1", Stored([Line(1, "worker-0", "m1")]), points);
        await Store.AppendAsync("job-1", Stored([Line(2, "worker-0", "m2")]), [new("worker-0", "loss", 2, T0.AddSeconds(1), 0.7)]);

        Assert.Equal(
            [points[2], points[1], new("worker-0", "loss", 2, T0.AddSeconds(1), 0.7), points[0]],
            await Store.ReadMetricsAsync("job-1"));
    }

    [Fact]
    public async Task A_batch_appended_twice_is_stored_once()
    {
        var batch = Stored([Line(1, "worker-0", "@metric {\"step\": 1, \"loss\": 0.5}"), Line(2, "worker-0", "after")]);
        var point = new MetricPoint("worker-0", "loss", 1, T0, 0.5);
        await Store.AppendAsync("job-1", batch, [point]);

        // SQLite refuses the repeat (its key); PostgreSQL skips it: either way nothing is stored twice.
        try
        {
            await Store.AppendAsync("job-1", batch, [point]);
        }
        catch (DbException) when (!RepeatsAreSkipped)
        {
        }

        Assert.Equal([1L, 2L], (await Store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Seq));
        Assert.Equal([point], await Store.ReadMetricsAsync("job-1"));
        Assert.Equal(2, await Store.GetLastSeqAsync("job-1"));
    }

    [Fact]
    public async Task A_failing_batch_stores_neither_its_lines_nor_its_points()
    {
        var bad = new StoredLine(Line(2, "worker-0", "x") with { Task = null! }, "c-worker-0", 2);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Store.AppendAsync("job-1", [new StoredLine(Line(1, "worker-0", "good"), "c-worker-0", 1), bad], [new("worker-0", "loss", 1, T0, 1)]));

        Assert.Empty(await Store.ReadAsync("job-1", null, 0, 10));
        Assert.Empty(await Store.ReadMetricsAsync("job-1"));
    }

    [Fact]
    public async Task Delete_removes_a_job_s_lines_and_metrics_and_nothing_else()
    {
        await Store.AppendAsync("job-1", Stored([Line(1, "worker-0", "gone")]), [new MetricPoint("worker-0", "loss", 1, T0, 1)]);
        await Store.AppendAsync("job-2", Stored([Line(1, "worker-0", "kept")]), [new MetricPoint("worker-0", "loss", 1, T0, 2)]);

        await Store.DeleteAsync("job-1");

        Assert.Empty(await Store.ReadAsync("job-1", null, 0, 10));
        Assert.Empty(await Store.ReadMetricsAsync("job-1"));
        Assert.Equal(0, await Store.GetLastSeqAsync("job-1"));
        Assert.Equal(0, await Store.GetLastOffsetAsync("job-1", "c-worker-0"));
        Assert.Equal(["kept"], (await Store.ReadAsync("job-2", null, 0, 10)).Select(line => line.Text));
        Assert.Single(await Store.ReadMetricsAsync("job-2"));
    }

    /// <summary>Whether the store answers a repeated batch without an error (it must store it once either way).</summary>
    protected abstract bool RepeatsAreSkipped { get; }

    protected static StoredLine[] Stored(IEnumerable<LogLine> lines) =>
        [.. lines.Select(line => new StoredLine(line, $"c-{line.Task}", line.Seq))];

    protected static LogLine Line(long seq, string task, string text, string stream = "stdout") =>
        new(seq, task, stream, T0.AddSeconds(seq), text);
}
