using Platform.Contracts.Logs;
using Platform.Grains.Logs;
using Platform.Grains.Storage.Postgres;

namespace Platform.Grains.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresLogStoreTests(PostgresFixture postgres) : LogStoreBehaviour
{
    private PostgresDatabase? _database;

    protected override bool RepeatsAreSkipped => true;

    protected override async Task<ILogStore> CreateStoreAsync()
    {
        _database = await postgres.MigratedDatabaseAsync();
        return new PostgresLogStore(_database);
    }

    public override async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_batch_sent_again_with_more_lines_stores_only_the_new_ones_and_each_point_once()
    {
        var first = Stored([Line(1, "worker-0", "a"), Line(2, "worker-0", "b")]);
        var point = new MetricPoint("worker-0", "loss", 1, T0, 0.5);
        await Store.AppendAsync("job-1", first, [point]);

        await Store.AppendAsync("job-1", [.. first, .. Stored([Line(3, "worker-0", "c")])], [point, point with { Step = 2, Value = 0.4 }]);

        Assert.Equal(["a", "b", "c"], (await Store.ReadAsync("job-1", null, 0, 10)).Select(line => line.Text));
        Assert.Equal([point, point with { Step = 2, Value = 0.4 }], await Store.ReadMetricsAsync("job-1"));
    }

    [Fact]
    public async Task A_nul_character_is_stored_as_the_replacement_character()
    {
        await Store.AppendAsync("job-1", Stored([Line(1, "worker-0", "a\0b")]), []);

        Assert.Equal("a\uFFFDb", Assert.Single(await Store.ReadAsync("job-1", null, 0, 10)).Text);
    }
}
