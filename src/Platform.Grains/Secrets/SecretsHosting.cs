using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Core.Secrets;
using StackExchange.Redis;

namespace Platform.Grains.Secrets;

/// <summary>The Data Protection key ring of the platform and the team secrets' protector.</summary>
public static class SecretsHosting
{
    /// <summary>The folder of the key ring under the data directory.</summary>
    public const string KeysFolder = "keys";

    /// <summary>
    /// Data Protection with its keys in <c>{dataDir}/keys</c> (mode 0700) under the application name
    /// <see cref="SecretPurposes.ApplicationName"/>. In the embedded mode the gateway shares these
    /// services, so its session cookies use the same key ring.
    /// </summary>
    public static IServiceCollection AddPlatformSecrets(this IServiceCollection services, string dataDir)
    {
        var keys = EnsureKeysDirectory(dataDir);
        services.AddDataProtection()
            .SetApplicationName(SecretPurposes.ApplicationName)
            .PersistKeysToFileSystem(keys);
        services.TryAddSingleton<TeamSecretProtector>();
        services.TryAddSingleton<AssignmentSealer>();
        return services;
    }

    /// <summary>The Redis key of the cluster's Data Protection key ring.</summary>
    public const string RedisKey = "platform:data-protection-keys";

    /// <summary>
    /// Data Protection for cluster mode: the key ring in Redis under <see cref="RedisKey"/>, with the
    /// same application name, so every silo and gateway encrypts and decrypts with the same keys
    /// (team secrets, sealed assignments, session cookies, notebook passes).
    /// </summary>
    public static IServiceCollection AddPlatformSecrets(this IServiceCollection services, Func<IDatabase> redis)
    {
        services.AddPlatformKeyRing(redis);
        services.TryAddSingleton<TeamSecretProtector>();
        services.TryAddSingleton<AssignmentSealer>();
        return services;
    }

    /// <summary>The cluster's key ring alone, for a gateway: it protects cookies, not secrets.</summary>
    public static IServiceCollection AddPlatformKeyRing(this IServiceCollection services, Func<IDatabase> redis)
    {
        services.AddDataProtection()
            .SetApplicationName(SecretPurposes.ApplicationName)
            .PersistKeysToStackExchangeRedis(redis, RedisKey);
        return services;
    }

    private static DirectoryInfo EnsureKeysDirectory(string dataDir)
    {
        var path = Path.Combine(dataDir, KeysFolder);
        const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        if (OperatingSystem.IsWindows())
        {
            return Directory.CreateDirectory(path);
        }

        var directory = Directory.CreateDirectory(path, OwnerOnly);
        // A folder made before, or by another umask, is closed too: the keys decrypt every secret.
        File.SetUnixFileMode(path, OwnerOnly);
        return directory;
    }
}
