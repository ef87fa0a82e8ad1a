using Microsoft.Extensions.Logging;
using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Grains.Identity;

/// <summary>
/// The admin token of a platform's first start: written to <c>{DataDir}/admin-token</c> (mode
/// 0600, readable by the operator alone) and registered as an admin of the <see cref="Team"/>
/// team. The file is the source of truth: a later start registers the token it holds again, so a
/// data directory carried to a new machine keeps its token. Deleting the file makes a new one at the
/// next start and replaces the old.
/// </summary>
public static partial class AdminTokenFile
{
    public const string FileName = "admin-token";
    public const string TokenId = "tok-admin";
    public const string User = "admin";
    public const string Team = "default";

    public static async Task EnsureAsync(string dataDir, IGrainFactory grains, TimeProvider time, ILogger logger)
    {
        var path = Path.Combine(dataDir, FileName);
        var created = false;
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDir);
            var temporary = path + ".new";
            File.Delete(temporary);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteLineAsync(TokenText.New());
            }

            File.Move(temporary, path);
            created = true;
        }

        var token = (await File.ReadAllTextAsync(path)).Trim();
        if (!token.StartsWith(TokenText.Prefix, StringComparison.Ordinal) || token.Length > TokenText.MaxLength)
        {
            throw new InvalidOperationException($"{path} does not hold a platform token; delete it to have a new admin token made at the next start.");
        }

        await grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key).EnsureAsync(new ApiToken
        {
            Id = TokenId,
            Hash = TokenText.Hash(token),
            User = User,
            Role = Role.Admin,
            Teams = [Team],
            CreatedAt = time.GetUtcNow(),
            CreatedBy = "platform",
        });
        LogAdminToken(logger, created ? "written to" : "in", path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin token is {Where} {Path} (readable by this user only): use it with the CLI (PLATFORM_TOKEN) or to sign in to the web UI.")]
    private static partial void LogAdminToken(ILogger logger, string where, string path);
}
