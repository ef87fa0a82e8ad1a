using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Jobs;
using Platform.Grains.Jobs;
using Platform.Grains.Logs;
using Platform.Grains.Storage.Postgres;

namespace Platform.Grains.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Postgres")]
public sealed class PostgresMigrationTests(PostgresFixture postgres)
{
    [Fact]
    public async Task A_new_database_reaches_the_latest_version_each_step_recorded_once()
    {
        await using var database = await postgres.NewDatabaseAsync();

        Assert.Equal(PostgresMigrations.Latest, await database.MigrateAsync());
        Assert.Equal(PostgresMigrations.Latest, await database.MigrateAsync());

        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), await VersionsAsync(database));
    }

    [Fact]
    public async Task Processes_migrating_together_apply_each_step_once()
    {
        var name = await postgres.Server.CreateDatabaseAsync();
        var databases = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => postgres.NewDatabaseAsync(name)));

        var versions = await Task.WhenAll(databases.Select(database => database.MigrateAsync()));

        Assert.All(versions, version => Assert.Equal(PostgresMigrations.Latest, version));
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest), await VersionsAsync(databases[0]));
        foreach (var database in databases)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_version_1_database_is_migrated_and_its_rows_read_back()
    {
        var name = await postgres.Server.CreateDatabaseAsync();
        await postgres.Server.RunFileAsync(name, Fixture("v1.sql"));
        await using var database = await postgres.NewDatabaseAsync(name);

        Assert.Equal(PostgresMigrations.Latest, await database.MigrateAsync());

        var logs = new PostgresLogStore(database);
        Assert.Equal(["epoch 1", "@metric {\"step\": 1, \"loss\": 0.5}", "done"], (await logs.ReadAsync("job-v1", null, 0, 10)).Select(line => line.Text));
        Assert.Equal(3, await logs.GetLastSeqAsync("job-v1"));
        Assert.Equal(30, await logs.GetLastOffsetAsync("job-v1", "container-1"));
        // The v1 platform stored this point twice; version 3 keeps it once.
        Assert.Equal([("loss", 0.5)], (await logs.ReadMetricsAsync("job-v1")).Select(point => (point.Name, point.Value)));
        var index = new PostgresJobIndex(database, PostgresFixture.Serializer);
        var listed = Assert.Single((await index.ListAsync(new JobQuery(null, "vision", null, 10, ["vision"]))).Jobs);
        Assert.Equal(("job-v1", "resnet", JobState.Succeeded), (listed.Id, listed.Name, listed.State));
        Assert.Equal(["Submitted", "Succeeded"], (await index.ReadEventsAsync("job-v1")).Select(e => e.Type));
        Assert.Equal(["job-v1"], await index.FinishedBeforeAsync(DateTimeOffset.MaxValue, 10));
    }

    [Fact]
    public async Task A_database_of_a_newer_version_stops_start_up_with_the_reason()
    {
        var name = await postgres.Server.CreateDatabaseAsync();
        await using var database = await postgres.NewDatabaseAsync(name);
        await database.MigrateAsync();
        await ExecuteAsync(database, $"INSERT INTO schema_version (version, description) VALUES ({PostgresMigrations.Latest + 1}, 'from the future')");
        var services = new ServiceCollection().AddLogging().AddSingleton(PostgresFixture.Serializer)
            .AddPlatformPostgres(postgres.Server.ConnectionString(name))
            .BuildServiceProvider();

        var refused = await Assert.ThrowsAsync<PostgresSchemaTooNewException>(() =>
            Task.WhenAll(services.GetServices<IHostedService>().Select(service => service.StartAsync(CancellationToken.None))));

        Assert.Contains($"schema version {PostgresMigrations.Latest + 1}, newer than this platform knows ({PostgresMigrations.Latest})", refused.Message);
        Assert.Equal(Enumerable.Range(1, PostgresMigrations.Latest + 1), await VersionsAsync(database));
    }

    public static TheoryData<int[], bool> Numberings => new()
    {
        { [1, 2, 3], true },
        { [1], true },
        { [], true },
        { [2, 3], false },
        { [1, 3], false },
        { [1, 2, 2], false },
        { [2, 1], false },
    };

    [Theory]
    [MemberData(nameof(Numberings))]
    public void Steps_must_be_numbered_from_1_without_gaps(int[] versions, bool valid)
    {
        var steps = versions.Select(version => new PostgresMigration(version, $"step {version}", "SELECT 1")).ToList();

        var error = Record.Exception(() => PostgresMigrator.CheckOrdered(steps));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void The_released_steps_are_numbered_from_1_without_gaps() => PostgresMigrator.CheckOrdered(PostgresMigrations.All);

    private static async Task<List<int>> VersionsAsync(PostgresDatabase database)
    {
        await using var command = database.DataSource.CreateCommand("SELECT version FROM schema_version ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(PostgresDatabase database, string sql)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static string Fixture(string name, [CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Fixtures", name);
}
