using Platform.Contracts.Jobs;
using Platform.Contracts.Secrets;
using Platform.Core.Secrets;

namespace Platform.Grains.Jobs;

// Team secrets are read and decrypted at every assignment, here and nowhere else: a new value reaches the
// next attempt, and a secret deleted since the job was submitted fails the job before any task starts without it.
public sealed partial class JobGrain
{
    private static readonly IReadOnlyDictionary<string, string> _noSecrets = new Dictionary<string, string>();

    /// <summary>The values of the secrets the spec refers to, by name; null when one is gone and the job has failed for it.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> TeamSecretsAsync()
    {
        var references = SecretReferences.Of(Spec);
        if (references.Count == 0)
        {
            return _noSecrets;
        }

        var team = Spec.Team ?? JobSpecDefaults.Team;
        var stored = await GrainFactory.GetGrain<ITeamSecretsGrain>(team).ProtectedAsync(SecretReferences.Names(Spec));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lost = new List<SecretReference>();
        foreach (var reference in references)
        {
            if (values.ContainsKey(reference.Secret))
            {
                continue;
            }

            if (stored.GetValueOrDefault(reference.Secret) is { } ciphertext && secrets.TryUnprotect(team, ciphertext) is { } value)
            {
                values[reference.Secret] = value;
            }
            else
            {
                lost.Add(reference);
            }
        }

        if (lost.Count == 0)
        {
            return values;
        }

        await FinishAsync(JobState.Failed, $"SecretMissing: team '{team}' no longer has (or can no longer decrypt) "
            + string.Join(", ", lost.Select(reference => $"secret '{reference.Secret}' ({reference.Field})"))
            + "; set it again and submit the job again");
        return null;
    }
}
