using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Reads an <c>env</c> object (job or group): at most <see cref="SpecLimits.MaxEnvEntries"/>
/// entries, POSIX names of at most <see cref="SpecLimits.MaxEnvNameLength"/> characters, values
/// without NUL, none of the names the platform sets itself.
/// </summary>
internal static partial class EnvReader
{
    public static IReadOnlyDictionary<string, string> Read(SpecObject owner, string field)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner.Object(field) is not { } map)
        {
            return env;
        }

        if (map.Count > SpecLimits.MaxEnvEntries)
        {
            owner.Fail(field, $"must have at most {SpecLimits.MaxEnvEntries} entries, got {map.Count}");
            return env;
        }

        foreach (var (name, node) in map.Fields)
        {
            if (!IsValidName(name))
            {
                map.Fail(name, $"'{SpecValues.Truncate(name)}' is not a valid environment variable name: a letter or '_', "
                    + $"then letters, digits or '_', at most {SpecLimits.MaxEnvNameLength} characters");
            }
            else if (PlatformEnv.IsReserved(name))
            {
                map.Fail(name, $"{name} is set by the platform for every task; remove it from env");
            }
            else if (map.Text(name, node) is { } value)
            {
                if (value.Contains('\0'))
                {
                    map.Fail(name, "must not contain the NUL character");
                }
                else
                {
                    env[name] = value;
                }
            }
        }

        return env;
    }

    /// <summary>UTF-8 bytes of every name and value of <paramref name="env"/>.</summary>
    public static long Bytes(IReadOnlyDictionary<string, string> env) =>
        env.Sum(entry => (long)Encoding.UTF8.GetByteCount(entry.Key) + Encoding.UTF8.GetByteCount(entry.Value));

    /// <summary>
    /// Refuses the spec whose env maps hold more than <see cref="SpecLimits.MaxEnvBytes"/> together,
    /// naming the map that went past it.
    /// </summary>
    public static void CheckTotal(SpecObject root, IEnumerable<(string Field, IReadOnlyDictionary<string, string> Env)> maps)
    {
        long total = 0;
        foreach (var (field, env) in maps)
        {
            total += Bytes(env);
            if (total > SpecLimits.MaxEnvBytes)
            {
                root.Fail(field, $"the env maps of the job hold more than {SpecLimits.MaxEnvBytes} bytes (UTF-8, names and values) together");
                return;
            }
        }
    }

    internal static bool IsValidName(string name) => name.Length <= SpecLimits.MaxEnvNameLength && Name().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z")]
    private static partial Regex Name();
}
