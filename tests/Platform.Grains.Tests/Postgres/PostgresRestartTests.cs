using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Grains.Logs;

namespace Platform.Grains.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresRestartTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_postgres_restart_between_two_appends_loses_nothing()
    {
        await using var database = await postgres.MigratedDatabaseAsync();
        var store = new PostgresLogStore(database);
        await store.AppendAsync("job-1", [Stored(1, "before")], [new MetricPoint("worker-0", "loss", 1, T0, 1)]);
        // Several pooled connections, all of which the restart breaks.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.GetLastSeqAsync("job-1")));

        await postgres.Server.StopAsync();
        await postgres.Server.StartAsync();
        await store.AppendAsync("job-1", [Stored(2, "after")], [new MetricPoint("worker-0", "loss", 2, T0, 0.5)]);

        Assert.Equal(["before", "after"], (await store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Text));
        Assert.Equal([1L, 2L], (await store.ReadMetricsAsync("job-1")).Select(point => point.Step));
    }

    private static StoredLine Stored(long seq, string text) =>
        new(new LogLine(seq, "worker-0", "stdout", T0.AddSeconds(seq), text), "c-1", seq);
}
