namespace Platform.Core.Volumes;

/// <summary>
/// Where a volume may be mounted inside a task's container: an absolute, normalized path that
/// hides no system directory and is not the root.
/// </summary>
public static class MountPaths
{
    /// <summary>Directories the image and the runtime own; mounting over them or inside them breaks the container.</summary>
    public static readonly IReadOnlyList<string> System =
        ["/proc", "/sys", "/dev", "/etc", "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/boot"];

    /// <summary>Why <paramref name="path"/> cannot be a mount path, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (!path.StartsWith('/'))
        {
            return $"'{path}' is not an absolute path; write one such as /checkpoints";
        }

        if (path.Any(char.IsControl))
        {
            return "must not contain control characters";
        }

        if (path == "/")
        {
            return "cannot be '/': mount the volume on a directory such as /checkpoints";
        }

        if (path.EndsWith('/') || path[1..].Split('/').Any(segment => segment is "" or "." or ".."))
        {
            return $"'{path}' is not normalized: no trailing '/', empty, '.' or '..' segments";
        }

        return System.FirstOrDefault(system => IsSameOrUnder(path, system)) is { } hidden
            ? $"'{path}' would hide the system directory {hidden}; choose a path outside {string.Join(", ", System)}"
            : null;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies inside it (normalized paths).</summary>
    public static bool IsSameOrUnder(string path, string directory) =>
        path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
