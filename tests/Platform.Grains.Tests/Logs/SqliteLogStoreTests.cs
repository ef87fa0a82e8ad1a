using Platform.Contracts.Logs;
using Platform.Grains.Logs;
using Platform.Grains.Storage;

namespace Platform.Grains.Tests.Logs;

public sealed class SqliteLogStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Lines_read_back_oldest_first_with_every_field()
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([Line(2, "worker-0", "b", stream: "stderr"), Line(1, "ps-0", "a")]), []);
        await store.AppendAsync("job-1", Stored([Line(3, "worker-0", "c")]), []);

        var lines = await store.ReadAsync("job-1", task: null, after: 0, limit: 100);

        Assert.Equal(
            [Line(1, "ps-0", "a"), Line(2, "worker-0", "b", stream: "stderr"), Line(3, "worker-0", "c")],
            lines);
    }

    [Fact]
    public async Task After_skips_lines_up_to_and_including_that_seq()
    {
        var store = await StoreWithAsync(5);

        var lines = await store.ReadAsync("job-1", null, after: 3, limit: 100);

        Assert.Equal([4L, 5L], lines.Select(line => line.Seq));
    }

    [Fact]
    public async Task Limit_caps_the_page_keeping_the_oldest()
    {
        var store = await StoreWithAsync(5);

        var lines = await store.ReadAsync("job-1", null, after: 1, limit: 2);

        Assert.Equal([2L, 3L], lines.Select(line => line.Seq));
    }

    [Fact]
    public async Task Task_filter_returns_only_that_tasks_lines()
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([Line(1, "ps-0", "a"), Line(2, "worker-0", "b"), Line(3, "ps-0", "c"), Line(4, "worker-0", "d")]), []);

        var lines = await store.ReadAsync("job-1", "worker-0", after: 2, limit: 100);

        Assert.Equal(["d"], lines.Select(line => line.Text));
    }

    [Fact]
    public async Task Jobs_do_not_see_each_others_lines()
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([Line(1, "worker-0", "one")]), []);
        await store.AppendAsync("job-2", Stored([Line(1, "worker-0", "two")]), []);

        Assert.Equal(["one"], (await store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Text));
        Assert.Equal(["two"], (await store.ReadAsync("job-2", null, 0, 10)).Select(line => line.Text));
    }

    [Fact]
    public async Task Last_seq_is_the_highest_stored_or_zero()
    {
        var store = await StoreWithAsync(3);

        Assert.Equal(3, await store.GetLastSeqAsync("job-1"));
        Assert.Equal(0, await store.GetLastSeqAsync("job-unknown"));
    }

    [Fact]
    public async Task Last_offset_is_the_highest_stored_offset_of_the_source()
    {
        var store = Store();
        await store.AppendAsync("job-1",
        [
            new StoredLine(Line(1, "worker-0", "a"), "c-1", 1), new StoredLine(Line(2, "worker-0", "b"), "c-1", 2),
            new StoredLine(Line(3, "worker-0", "c"), "c-2", 1),
        ], []);

        Assert.Equal(2, await store.GetLastOffsetAsync("job-1", "c-1"));
        Assert.Equal(1, await store.GetLastOffsetAsync("job-1", "c-2"));
        Assert.Equal(0, await store.GetLastOffsetAsync("job-1", "c-3"));
        Assert.Equal(0, await store.GetLastOffsetAsync("job-2", "c-1"));
    }

    [Fact]
    public async Task Times_keep_their_sub_millisecond_precision_in_utc()
    {
        var store = Store();
        var time = new DateTimeOffset(2025, 6, 1, 14, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567);
        await store.AppendAsync("job-1", Stored([new LogLine(1, "worker-0", "stdout", time, "x")]), []);

        var line = Assert.Single(await store.ReadAsync("job-1", null, 0, 10));

        Assert.Equal(time, line.Time);
        Assert.Equal(TimeSpan.Zero, line.Time.Offset);
    }

    [Fact]
    public async Task Lines_survive_a_new_store_on_the_same_file()
    {
        await Store().AppendAsync("job-1", Stored([Line(1, "worker-0", "kept")]), []);

        var lines = await Store().ReadAsync("job-1", null, 0, 10);

        Assert.Equal(["kept"], lines.Select(line => line.Text));
    }

    [Fact]
    public async Task Lines_and_their_metric_points_are_stored_together_or_not_at_all()
    {
        var store = Store();
        var point = new MetricPoint("worker-0", "loss", 1, T0, 0.5);
        await store.AppendAsync("job-1", Stored([Line(1, "worker-0", "@metric {\"step\": 1, \"loss\": 0.5}")]), [point]);
        // The same seq again fails the whole batch: its metric point must not be stored either.
        await Assert.ThrowsAnyAsync<Microsoft.Data.Sqlite.SqliteException>(() =>
            store.AppendAsync("job-1", Stored([Line(2, "worker-0", "new"), Line(1, "worker-0", "again")]), [point with { Step = 2 }]));

        Assert.Equal([point], await store.ReadMetricsAsync("job-1"));
        Assert.Equal(["@metric {\"step\": 1, \"loss\": 0.5}"], (await store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Text));
    }

    [Fact]
    public async Task Delete_removes_a_job_s_lines_and_metrics_and_nothing_else()
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([Line(1, "worker-0", "gone")]), [new MetricPoint("worker-0", "loss", 1, T0, 1)]);
        await store.AppendAsync("job-2", Stored([Line(1, "worker-0", "kept")]), [new MetricPoint("worker-0", "loss", 1, T0, 2)]);

        await store.DeleteAsync("job-1");

        Assert.Empty(await store.ReadAsync("job-1", null, 0, 10));
        Assert.Empty(await store.ReadMetricsAsync("job-1"));
        Assert.Equal(0, await store.GetLastSeqAsync("job-1"));
        Assert.Equal(["kept"], (await store.ReadAsync("job-2", null, 0, 10)).Select(line => line.Text));
        Assert.Single(await store.ReadMetricsAsync("job-2"));
    }

    [Fact]
    public async Task A_continued_part_reads_back_marked()
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([Line(1, "worker-0", "first part") with { Continued = true }, Line(2, "worker-0", "rest")]), []);

        var lines = await store.ReadAsync("job-1", null, 0, 10);

        Assert.Equal([true, false], lines.Select(line => line.Continued));
    }

    [Fact]
    public async Task A_page_ends_once_it_holds_the_most_text_a_page_may()
    {
        var store = Store();
        var part = new string('a', 64 * 1024);
        var count = SqliteLogStore.MaxPageCharacters / part.Length + 10;
        await store.AppendAsync("job-1", Stored([.. Enumerable.Range(1, count).Select(seq => Line(seq, "worker-0", part))]), []);

        var page = await store.ReadAsync("job-1", null, 0, 10_000);

        Assert.Equal(SqliteLogStore.MaxPageCharacters / part.Length, page.Count);
        Assert.Equal(10, (await store.ReadAsync("job-1", null, page[^1].Seq, 10_000)).Count);
    }

    [Fact]
    public async Task A_log_file_from_before_continued_parts_is_upgraded_and_keeps_its_lines()
    {
        var path = _dir.File("old-logs.db");
        var old = new SqliteDatabase(path, SqliteLogStore.Schema.Replace("continued INTEGER NOT NULL DEFAULT 0,", "", StringComparison.Ordinal));
        await using (var connection = old.Open())
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO log_line VALUES ('job-1', 1, 'worker-0', 'stdout', 0, 'old line', 'c-1', 1)";
            await insert.ExecuteNonQueryAsync();
        }

        var store = new SqliteLogStore(SqliteLogStore.Upgraded(new SqliteDatabase(path, SqliteLogStore.Schema)));
        await store.AppendAsync("job-1", Stored([Line(2, "worker-0", "new part") with { Continued = true }]), []);

        Assert.Equal([("old line", false), ("new part", true)], (await store.ReadAsync("job-1", null, 0, 10)).Select(line => (line.Text, line.Continued)));
    }

    public void Dispose() => _dir.Dispose();

    private SqliteLogStore Store() => new(new SqliteDatabase(_dir.File("logs.db"), SqliteLogStore.Schema));

    private async Task<SqliteLogStore> StoreWithAsync(int count)
    {
        var store = Store();
        await store.AppendAsync("job-1", Stored([.. Enumerable.Range(1, count).Select(seq => Line(seq, "worker-0", $"line {seq}"))]), []);
        return store;
    }

    private static StoredLine[] Stored(IEnumerable<LogLine> lines) =>
        [.. lines.Select(line => new StoredLine(line, $"c-{line.Task}", line.Seq))];

    private static LogLine Line(long seq, string task, string text, string stream = "stdout", int? seconds = null) =>
        new(seq, task, stream, T0.AddSeconds(seconds ?? seq), text);
}
