using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Platform.Core.Secrets;

namespace Platform.Grains.Secrets;

/// <summary>
/// Encrypts and decrypts team secrets with ASP.NET Core Data Protection, one purpose per team
/// (<see cref="SecretPurposes.ForTeam"/>). Lives in the silo: values are encrypted by the team's grain
/// and decrypted only by the job grain that builds the assignments.
/// </summary>
public sealed class TeamSecretProtector(IDataProtectionProvider provider)
{
    public string Protect(string team, string value) => provider.CreateProtector(SecretPurposes.ForTeam(team)).Protect(value);

    /// <summary>The value, or null when the ciphertext cannot be read (its key is gone from the key ring, or it was altered).</summary>
    public string? TryUnprotect(string team, string ciphertext)
    {
        try
        {
            return provider.CreateProtector(SecretPurposes.ForTeam(team)).Unprotect(ciphertext);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
