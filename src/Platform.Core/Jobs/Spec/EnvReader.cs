namespace Platform.Core.Jobs.Spec;

/// <summary>Reads an <c>env</c> object (job or group), refusing the names the platform sets itself.</summary>
internal static class EnvReader
{
    public static IReadOnlyDictionary<string, string> Read(SpecObject owner, string field)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (owner.Object(field) is not { } map)
        {
            return env;
        }

        foreach (var (name, node) in map.Fields)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0'))
            {
                map.Fail(name, $"'{name}' is not a valid environment variable name");
            }
            else if (PlatformEnv.IsReserved(name))
            {
                map.Fail(name, $"{name} is set by the platform for every task; remove it from env");
            }
            else if (map.Text(name, node) is { } value)
            {
                env[name] = value;
            }
        }

        return env;
    }
}
