namespace Platform.Core.Volumes;

/// <summary>
/// Turns a volume key (<c>jobs/{jobId}/{name}</c>) into a directory under a node's volumes root,
/// refusing any key that could name something outside it.
/// </summary>
public static class VolumeRoot
{
    /// <summary>Why <paramref name="key"/> is not a safe relative path, or null when it is.</summary>
    public static string? Problem(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "the volume key is empty";
        }

        if (key.StartsWith('/') || key.Contains('\\') || key.Any(char.IsControl))
        {
            return $"the volume key '{key}' must be a relative '/'-separated path without control characters";
        }

        return key.Split('/').Any(segment => segment is "" or "." or "..")
            ? $"the volume key '{key}' has an empty, '.' or '..' segment: it could leave the volumes root"
            : null;
    }

    /// <summary>The absolute directory of <paramref name="key"/> under <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException">The key is not safe (<see cref="Problem"/>).</exception>
    public static string Resolve(string root, string key)
    {
        if (Problem(key) is { } problem)
        {
            throw new ArgumentException(problem, nameof(key));
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var prefix = fullRoot.EndsWith('/') ? fullRoot : fullRoot + "/";
        var path = Path.GetFullPath(Path.Combine(fullRoot, key));
        return path.StartsWith(prefix, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"the volume key '{key}' leaves the volumes root {fullRoot}", nameof(key));
    }
}
