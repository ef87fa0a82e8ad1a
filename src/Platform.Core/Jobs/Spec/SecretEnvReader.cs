using Platform.Contracts.Jobs;
using Platform.Core.Secrets;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Reads a <c>secretEnv</c> object (job or group): environment variable name to the name of a secret of
/// the job's team. At most <see cref="SecretLimits.MaxSecretEnvEntries"/> entries; variable names as in
/// <c>env</c> and none the platform sets; each value a secret name (<see cref="SecretNames"/>). Whether
/// the secrets exist is checked at submission (<see cref="SecretReferences"/>), not here.
/// </summary>
internal static class SecretEnvReader
{
    public const string Field = "secretEnv";

    public static IReadOnlyDictionary<string, string> Read(SpecObject owner)
    {
        var secretEnv = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner.Object(Field) is not { } map)
        {
            return secretEnv;
        }

        if (map.Count > SecretLimits.MaxSecretEnvEntries)
        {
            owner.Fail(Field, $"must have at most {SecretLimits.MaxSecretEnvEntries} entries, got {map.Count}");
            return secretEnv;
        }

        foreach (var (name, _) in map.Fields)
        {
            if (!EnvReader.IsValidName(name))
            {
                map.Fail(name, $"'{SpecValues.Truncate(name)}' is not a valid environment variable name: a letter or '_', "
                    + $"then letters, digits or '_', at most {SpecLimits.MaxEnvNameLength} characters");
            }
            else if (PlatformEnv.IsReserved(name))
            {
                map.Fail(name, $"{name} is set by the platform for every task; remove it from secretEnv");
            }
            else if (map.String(name, SecretLimits.MaxNameLength) is { } secret)
            {
                if (SecretNames.IsValid(secret))
                {
                    secretEnv[name] = secret;
                }
                else
                {
                    map.Fail(name, $"'{SpecValues.Truncate(secret)}' is not a secret name: {SecretNames.Rule}");
                }
            }
        }

        return secretEnv;
    }

    /// <summary>Refuses a variable a task would get from both <c>env</c> and <c>secretEnv</c>: which one wins would be a guess.</summary>
    public static void CheckOverlap(SpecObject root, JobSpec spec)
    {
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, group) in spec.Replicas)
        {
            var plain = spec.Env.Keys.Concat(group.Env.Keys).ToHashSet(StringComparer.Ordinal);
            foreach (var (name, path) in spec.SecretEnv.Keys.Select(name => (name, path: $"{Field}.{name}"))
                .Concat(group.SecretEnv.Keys.Select(name => (name, path: $"replicas.{type}.{Field}.{name}")))
                .Where(entry => plain.Contains(entry.name) && reported.Add(entry.path)))
            {
                root.Fail(path, $"{name} is also set in env (for {type}); a variable comes from env or from secretEnv, not both");
            }
        }
    }
}
