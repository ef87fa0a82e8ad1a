namespace Platform.Core.Secrets;

/// <summary>
/// The ASP.NET Core Data Protection purpose of a team's secrets: one per team, so a ciphertext of one
/// team cannot be decrypted as another's.
/// </summary>
public static class SecretPurposes
{
    /// <summary>The application name every platform process gives Data Protection, so all of them share one key ring.</summary>
    public const string ApplicationName = "platform";

    public static string ForTeam(string team) => $"Platform.Secrets.v1/{team}";
}
