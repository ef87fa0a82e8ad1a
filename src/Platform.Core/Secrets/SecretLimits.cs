namespace Platform.Core.Secrets;

/// <summary>
/// The bounds of team secrets (docs/api.md, "Secrets"). A request beyond one of them is refused with a
/// 400 naming the field and the limit, and nothing is stored.
/// </summary>
public static class SecretLimits
{
    /// <summary>The longest secret name: 63 characters.</summary>
    public const int MaxNameLength = 63;

    /// <summary>The largest secret value: 64 KiB of UTF-8.</summary>
    public const int MaxValueBytes = 64 * 1024;

    /// <summary>Most secrets one team may hold: 100.</summary>
    public const int MaxPerTeam = 100;

    /// <summary>
    /// The largest body of <c>POST /api/teams/{team}/secrets</c>: 512 KiB, room for the largest value
    /// written with JSON escapes (up to 6 characters a byte), refused before it is read.
    /// </summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Most entries of one <c>secretEnv</c> map of a spec (job or replica group): 100.</summary>
    public const int MaxSecretEnvEntries = 100;
}
