using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Secrets;

/// <summary>The secrets a job spec refers to through <c>secretEnv</c>, and which of them are missing.</summary>
public static class SecretReferences
{
    /// <summary>Every <c>secretEnv</c> entry of the spec, the job's first, then each group's.</summary>
    public static IReadOnlyList<SecretReference> Of(JobSpec spec) =>
    [
        .. spec.SecretEnv.Select(entry => new SecretReference($"secretEnv.{entry.Key}", entry.Key, entry.Value)),
        .. spec.Replicas.SelectMany(group => group.Value.SecretEnv.Select(entry =>
            new SecretReference($"replicas.{group.Key}.secretEnv.{entry.Key}", entry.Key, entry.Value))),
    ];

    /// <summary>The distinct secret names the spec refers to.</summary>
    public static IReadOnlyList<string> Names(JobSpec spec) => [.. Of(spec).Select(reference => reference.Secret).Distinct(StringComparer.Ordinal)];

    /// <summary>An error for each entry naming a secret that <paramref name="team"/> does not have.</summary>
    public static IReadOnlyList<SpecError> Missing(JobSpec spec, string team, IReadOnlySet<string> existing) =>
    [
        .. Of(spec).Where(reference => !existing.Contains(reference.Secret)).Select(reference => new SpecError(reference.Field,
            $"team '{team}' has no secret '{reference.Secret}'; make it first with POST /api/teams/{team}/secrets (or `platform secret set {team} {reference.Secret}`)")),
    ];

    /// <summary>The variables of one replica group's tasks: the group's <c>secretEnv</c> over the job's, variable to secret name.</summary>
    public static IReadOnlyDictionary<string, string> ForGroup(JobSpec spec, string type)
    {
        var merged = new Dictionary<string, string>(spec.SecretEnv, StringComparer.Ordinal);
        if (spec.Replicas.TryGetValue(type, out var group))
        {
            foreach (var (variable, secret) in group.SecretEnv)
            {
                merged[variable] = secret;
            }
        }

        return merged;
    }
}
