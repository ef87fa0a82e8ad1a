using Platform.Contracts.Secrets;
using Platform.Core.Secrets;
using Platform.Grains.Storage;

namespace Platform.Grains.Secrets;

/// <summary>The secrets of one team: ciphertext only, encrypted here before anything is stored.</summary>
public sealed class TeamSecretsGrain(
    [PersistentState("secrets", StorageNames.Platform)] IPersistentState<TeamSecretsState> state,
    TeamSecretProtector protector,
    TimeProvider time) : Grain, ITeamSecretsGrain
{
    private string Team => this.GetPrimaryKeyString();

    private Dictionary<string, StoredSecret> Secrets => state.State.Secrets;

    public async Task<SecretWrite> SetAsync(string name, SecretText value, string by)
    {
        var stored = Secrets.GetValueOrDefault(name);
        if (stored is null && Secrets.Count >= SecretLimits.MaxPerTeam)
        {
            return SecretWrite.TooMany;
        }

        var now = time.GetUtcNow();
        Secrets[name] = new StoredSecret
        {
            Ciphertext = protector.Protect(Team, value.Value),
            CreatedAt = stored?.CreatedAt ?? now,
            UpdatedAt = now,
            UpdatedBy = by,
        };
        await WriteAsync();
        return stored is null ? SecretWrite.Created : SecretWrite.Updated;
    }

    public Task<IReadOnlyList<SecretInfo>> ListAsync() => Task.FromResult<IReadOnlyList<SecretInfo>>([.. Secrets
        .OrderBy(entry => entry.Key, StringComparer.Ordinal)
        .Select(entry => new SecretInfo { Name = entry.Key, CreatedAt = entry.Value.CreatedAt, UpdatedAt = entry.Value.UpdatedAt, UpdatedBy = entry.Value.UpdatedBy })]);

    public Task<IReadOnlyDictionary<string, string>> ProtectedAsync(IReadOnlyCollection<string> names) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(names
            .Distinct(StringComparer.Ordinal)
            .Where(Secrets.ContainsKey)
            .ToDictionary(name => name, name => Secrets[name].Ciphertext, StringComparer.Ordinal));

    public async Task<bool> DeleteAsync(string name)
    {
        if (!Secrets.Remove(name))
        {
            return false;
        }

        await WriteAsync();
        return true;
    }

    private Task WriteAsync() => state.WriteOrReloadAsync(GrainContext);
}
