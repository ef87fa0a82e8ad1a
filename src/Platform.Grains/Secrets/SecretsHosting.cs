using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Core.Secrets;

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
