using Orleans.Concurrency;

namespace Platform.Contracts.Secrets;

/// <summary>
/// The secrets of one team (key: the team's name). Values are encrypted by the grain with ASP.NET Core
/// Data Protection before they are stored; only the ciphertext is kept, and no method returns a value
/// in clear: jobs decrypt what they reference where their assignments are built.
/// </summary>
public interface ITeamSecretsGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the secret <paramref name="name"/>; refused when the team already has the most secrets allowed.</summary>
    Task<SecretWrite> SetAsync(string name, SecretText value, string by);

    /// <summary>Names and dates of the team's secrets, by name; never a value.</summary>
    [ReadOnly]
    Task<IReadOnlyList<SecretInfo>> ListAsync();

    /// <summary>The ciphertexts of the named secrets that exist; a missing name is absent from the answer.</summary>
    [ReadOnly]
    Task<IReadOnlyDictionary<string, string>> ProtectedAsync(IReadOnlyCollection<string> names);

    /// <summary>Removes the secret; false when the team has none of this name.</summary>
    Task<bool> DeleteAsync(string name);
}
