namespace Platform.Grains.Tests.Postgres;

/// <summary>One PostgreSQL server for every test class that needs one; they run one after another (one restarts it).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
