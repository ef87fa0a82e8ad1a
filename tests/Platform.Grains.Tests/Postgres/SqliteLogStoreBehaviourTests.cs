using Microsoft.Data.Sqlite;
using Platform.Grains.Logs;
using Platform.Grains.Storage;

namespace Platform.Grains.Tests.Postgres;

public sealed class SqliteLogStoreBehaviourTests : LogStoreBehaviour
{
    private readonly TempDirectory _dir = new();

    protected override bool RepeatsAreSkipped => false;

    protected override Task<ILogStore> CreateStoreAsync() =>
        Task.FromResult<ILogStore>(new SqliteLogStore(new SqliteDatabase(_dir.File("logs.db"), SqliteLogStore.Schema, durable: false)));

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
