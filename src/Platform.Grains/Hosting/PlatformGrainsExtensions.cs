using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Contracts.Jobs;
using Platform.Contracts.Notebooks;
using Platform.Contracts.Scheduling;
using Platform.Core.Notebooks;
using Platform.Core.Scheduling;
using Platform.Core.Settings;
using Platform.Grains.Identity;
using Platform.Grains.Jobs;
using Platform.Grains.Logs;
using Platform.Grains.Nodes;
using Platform.Grains.Notebooks;
using Platform.Grains.Secrets;
using Platform.Grains.Storage;
using Platform.Grains.Storage.Postgres;
using StackExchange.Redis;

namespace Platform.Grains.Hosting;

public static class PlatformGrainsExtensions
{
    /// <summary>
    /// The control-plane grains with the embedded storage: grain state and logs in SQLite files
    /// under <paramref name="dataDir"/>, the Data Protection key ring in <c>{dataDir}/keys</c>. At
    /// start the scheduler re-sends every allocation to its job, so jobs that were running before a
    /// crash carry on.
    /// </summary>
    public static ISiloBuilder AddPlatformGrains(this ISiloBuilder silo, string dataDir)
    {
        silo.AddControlPlaneServices();
        silo.Services.AddPlatformSecrets(dataDir);
        silo.Services.AddSqliteStores(dataDir);
        silo.Services.AddGrainStorage(StorageNames.Platform, (services, _) =>
        {
            var index = services.GetRequiredService<SqliteJobIndex>();
            return new SqliteGrainStorage(index.Database, services.GetRequiredService<Serializer>(), [index]);
        });
        return silo.AddResumeAtStart(dataDir, cluster: false);
    }

    /// <summary>
    /// The control-plane grains of a cluster's silo: grain state in the storage
    /// <paramref name="stateStorage"/> makes (Redis), each write followed by every registered
    /// <see cref="IStateFollower"/> (<see cref="FollowedGrainStorage"/>), and the Data Protection key
    /// ring in <paramref name="redis"/>, shared by every silo and gateway; logs, metric points, the
    /// job index and the job history in the PostgreSQL database of <paramref name="postgres"/>.
    /// </summary>
    public static ISiloBuilder AddClusterGrains(this ISiloBuilder silo, string dataDir,
        Func<IServiceProvider, string, IGrainStorage> stateStorage, Func<IDatabase> redis, string postgres)
    {
        silo.AddControlPlaneServices();
        silo.Services.AddPlatformSecrets(redis);
        silo.Services.AddPlatformPostgres(postgres);
        silo.Services.AddGrainStorage(StorageNames.Platform, (services, name) => new FollowedGrainStorage(
            stateStorage(services, name), services.GetServices<IStateFollower>(),
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<FollowedGrainStorage>>()));
        return silo.AddResumeAtStart(dataDir, cluster: true);
    }

    private static void AddControlPlaneServices(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddOptions<NodeLivenessOptions>().BindConfiguration(NodeLivenessOptions.Section)
            .Validate(options => options.LostAfterSeconds > 0, "Platform:Nodes:LostAfterSeconds must be more than 0.")
            .ValidateOnStart();
        silo.Services.AddPlatformNotebookOptions();
        silo.Services.AddPlatformSchedulingOptions();
        silo.Services.TryAddSingleton<JupyterClient>();
        silo.Services.AddCheckedSettings<JobRetentionOptions>(JobRetentionOptions.Section);
        silo.Services.AddCheckedSettings<RestartBackoffOptions>(RestartBackoffOptions.Section);
    }

    /// <summary>The embedded stores: the job index beside the grain state in state.db, logs in logs.db.</summary>
    private static void AddSqliteStores(this IServiceCollection services, string dataDir)
    {
        services.AddSingleton(services => new SqliteJobIndex(
            new SqliteDatabase(Path.Combine(dataDir, "state.db"), SqliteGrainStorage.Schema + SqliteJobIndex.Schema),
            services.GetRequiredService<Serializer>()));
        services.AddSingleton<IJobIndex>(services => services.GetRequiredService<SqliteJobIndex>());
        services.AddSingleton<ILogStore>(_ =>
            new SqliteLogStore(SqliteLogStore.Upgraded(new SqliteDatabase(Path.Combine(dataDir, "logs.db"), SqliteLogStore.Schema, durable: false))));
    }

    private static ISiloBuilder AddResumeAtStart(this ISiloBuilder silo, string dataDir, bool cluster) =>
        silo.AddStartupTask(async (services, _) =>
        {
            // State written before the index existed, or by a process that died between versions, is listed again.
            await services.GetRequiredService<IJobIndex>().RepairAsync();
            var grains = services.GetRequiredService<IGrainFactory>();
            await grains.GetGrain<IJobRetentionGrain>(IJobRetentionGrain.Key).StartAsync();
            await grains.GetGrain<ISchedulerGrain>(GrainKeys.DefaultPool).ResumeAsync();
            await grains.GetGrain<INotebookIndexGrain>(INotebookIndexGrain.Key).ResumeAsync();
            await AdminTokenFile.EnsureAsync(dataDir, grains, services.GetRequiredService<TimeProvider>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AdminTokenFile)), cluster);
        });

    /// <summary>The <c>Platform:Notebooks</c> options, validated at start; the gateway binds the same section.</summary>
    public static IServiceCollection AddPlatformNotebookOptions(this IServiceCollection services)
    {
        services.AddCheckedSettings<NotebookOptions>(NotebookOptions.Section);
        return services;
    }

    /// <summary>
    /// The <c>Platform:Scheduling</c> options with the <c>Platform:Teams</c> section, validated at start;
    /// the gateway reads the same to resolve a spec's priority class.
    /// </summary>
    public static IServiceCollection AddPlatformSchedulingOptions(this IServiceCollection services)
    {
        if (services.HasCheckedSettings<SchedulingOptions>())
        {
            return services;
        }

        services.AddCheckedSettings<SchedulingOptions>(SchedulingOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SchedulingOptions>, Scheduling.SharingNotEnforced>());
        services.AddOptions<SchedulingOptions>().Configure<IConfiguration>((options, configuration) =>
            configuration.GetSection(SchedulingOptions.TeamsSection).Bind(options.Teams));
        return services;
    }

    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and stops start-up with its problems.</summary>
    public static IServiceCollection AddCheckedSettings<T>(this IServiceCollection services, string section)
        where T : class, ICheckedSettings
    {
        // Bound once: a second BindConfiguration would append the section's lists to themselves.
        if (services.HasCheckedSettings<T>())
        {
            return services;
        }

        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SettingsValidator<T>>());
        return services;
    }

    private static bool HasCheckedSettings<T>(this IServiceCollection services)
        where T : class, ICheckedSettings =>
        services.Any(service => service.ServiceType == typeof(IValidateOptions<T>) && service.ImplementationType == typeof(SettingsValidator<T>));
}
