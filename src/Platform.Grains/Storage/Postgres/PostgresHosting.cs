using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Serialization;
using Platform.Grains.Jobs;
using Platform.Grains.Logs;

namespace Platform.Grains.Storage.Postgres;

/// <summary>Cluster mode's PostgreSQL stores for a silo: logs, metrics, the job index and the job history.</summary>
public static class PostgresHosting
{
    /// <summary>
    /// Registers the database (migrated on first use, and at start by a hosted service, so a too-new
    /// database stops start-up), <see cref="ILogStore"/>, <see cref="IJobIndex"/> and
    /// <see cref="IStateFollower"/> (the same <see cref="PostgresJobIndex"/>).
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="connectionString">An Npgsql connection string (<c>Platform:Cluster:Postgres</c>).</param>
    public static IServiceCollection AddPlatformPostgres(this IServiceCollection services, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        services.AddSingleton(provider =>
        {
            var database = new PostgresDatabase(connectionString, provider.GetRequiredService<ILogger<PostgresDatabase>>());
            // Synchronous on purpose: a DI factory cannot await, and nothing may use the stores before the schema is there.
            database.MigrateAsync().GetAwaiter().GetResult();
            return database;
        });
        services.AddSingleton<ILogStore>(provider => new PostgresLogStore(provider.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton(provider => new PostgresJobIndex(
            provider.GetRequiredService<PostgresDatabase>(), provider.GetRequiredService<Serializer>()));
        services.AddSingleton<IJobIndex>(provider => provider.GetRequiredService<PostgresJobIndex>());
        services.AddSingleton<IStateFollower>(provider => provider.GetRequiredService<PostgresJobIndex>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PostgresMigrationService>());
        return services;
    }
}
