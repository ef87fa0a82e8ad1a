using Microsoft.Extensions.Logging;
using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Grains.Identity;

/// <summary>
/// The admin token of a platform's first start: written to <c>{DataDir}/admin-token</c> (mode
/// 0600, readable by the operator alone) and registered as an admin of the <see cref="Team"/>
/// team. The file is the source of truth: a later start registers the token it holds again, so a
/// data directory carried to a new machine keeps its token. Deleting the file makes a new one at the
/// next start and replaces the old. In cluster mode a silo without the file makes one only while the
/// platform has no admin token yet; otherwise the token lives on the silo that made it, and this one
/// never replaces it.
/// </summary>
public static partial class AdminTokenFile
{
    public const string FileName = "admin-token";
    public const string TokenId = "tok-admin";
    public const string User = "admin";
    public const string Team = "default";

    public static async Task EnsureAsync(string dataDir, IGrainFactory grains, TimeProvider time, ILogger logger, bool cluster = false)
    {
        var path = Path.Combine(dataDir, FileName);
        var tokens = grains.GetGrain<IApiTokensGrain>(IApiTokensGrain.Key);
        if (!File.Exists(path))
        {
            var temporary = await WriteNewAsync(path);
            // The grain admits one token of this id, so of silos starting together exactly one wins.
            if (cluster && !await tokens.AddAsync(Token((await File.ReadAllTextAsync(temporary)).Trim(), time)))
            {
                File.Delete(temporary);
                LogElsewhere(logger, path);
                return;
            }

            File.Move(temporary, path);
            if (cluster)
            {
                LogAdminToken(logger, "written to", path);
                return;
            }
        }

        var token = (await File.ReadAllTextAsync(path)).Trim();
        if (!token.StartsWith(TokenText.Prefix, StringComparison.Ordinal) || token.Length > TokenText.MaxLength)
        {
            throw new InvalidOperationException($"{path} does not hold a platform token; delete it to have a new admin token made at the next start.");
        }

        await tokens.EnsureAsync(Token(token, time));
        LogAdminToken(logger, "in", path);
    }

    /// <summary>A new token in <c>{path}.new</c> (mode 0600), moved into place by the caller once it counts.</summary>
    private static async Task<string> WriteNewAsync(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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

        return temporary;
    }

    private static ApiToken Token(string token, TimeProvider time) => new()
    {
        Id = TokenId,
        Hash = TokenText.Hash(token),
        User = User,
        Role = Role.Admin,
        Teams = [Team],
        CreatedAt = time.GetUtcNow(),
        CreatedBy = "platform",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "The admin token is {Where} {Path} (readable by this user only): use it with the CLI (PLATFORM_TOKEN) or to sign in to the web UI.")]
    private static partial void LogAdminToken(ILogger logger, string where, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "The platform's admin token was made by another silo: it is the admin-token file in that silo's data directory. Copy it to {Path} to have this silo register it too.")]
    private static partial void LogElsewhere(ILogger logger, string path);
}
