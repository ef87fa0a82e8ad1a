using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Platform.Contracts.Logs;
using Platform.Grains.Logs;
using Platform.Grains.Storage;
using Xunit.Abstractions;

namespace Platform.Grains.Tests.Postgres;

/// <summary>
/// Bulk appends store every line once in both stores; the lines/s of each, measured in the same run,
/// go to the test output (never a threshold).
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class AppendThroughputTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Batches = 100;
    private const int LinesPerBatch = 1_000;

    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_hundred_batches_of_a_thousand_lines_are_all_stored_in_either_store()
    {
        using var dir = new TempDirectory();
        await using var database = await postgres.MigratedDatabaseAsync();
        var sqlite = await MeasureAsync(new SqliteLogStore(new SqliteDatabase(dir.File("logs.db"), SqliteLogStore.Schema, durable: false)));
        SqliteConnection.ClearAllPools();
        var pg = await MeasureAsync(new PostgresLogStore(database));

        output.WriteLine($"append {Batches} x {LinesPerBatch} lines: PostgreSQL {pg:N0} lines/s, SQLite {sqlite:N0} lines/s, ratio {pg / sqlite:0.00}");
    }

    private static async Task<double> MeasureAsync(ILogStore store)
    {
        var batches = Enumerable.Range(0, Batches).Select(Batch).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var batch in batches)
        {
            await store.AppendAsync("job-bench", batch, []);
        }

        clock.Stop();
        Assert.Equal(Batches * LinesPerBatch, await store.GetLastSeqAsync("job-bench"));
        Assert.Equal(Batches * LinesPerBatch, await store.GetLastOffsetAsync("job-bench", "container-1"));
        return Batches * LinesPerBatch / clock.Elapsed.TotalSeconds;
    }

    private static StoredLine[] Batch(int batch) => [.. Enumerable.Range(batch * LinesPerBatch + 1, LinesPerBatch).Select(seq =>
        new StoredLine(new LogLine(seq, "worker-0", "stdout", T0.AddTicks(seq), $"step {seq} loss=0.{seq % 1000:000} some log text of typical length"), "container-1", seq))];
}
