using Platform.Contracts.Jobs;
using Platform.Core.Volumes;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Reads the <c>volumes</c> list: at most <see cref="MaxVolumes"/> of <c>{ name, mountPath }</c>,
/// names unique DNS labels, mount paths allowed by <see cref="MountPaths"/>, none the same as or
/// inside another.
/// </summary>
internal static class VolumeSpecReader
{
    public const int MaxVolumes = SpecLimits.MaxVolumes;

    private const string Field = "volumes";

    public static IReadOnlyList<VolumeSpec> Read(SpecObject root)
    {
        if (root.ObjectList(Field) is not { } items)
        {
            return [];
        }

        if (items.Count > MaxVolumes)
        {
            root.Fail(Field, $"a job may have at most {MaxVolumes} volumes, got {items.Count}");
            return [];
        }

        var volumes = new List<VolumeSpec>();
        foreach (var item in items.OfType<SpecObject>())
        {
            var name = ReadName(item, volumes);
            var mountPath = ReadMountPath(item, volumes);
            item.RejectUnknownFields();
            if (name is not null && mountPath is not null)
            {
                volumes.Add(new VolumeSpec(name, mountPath));
            }
        }

        return volumes;
    }

    /// <summary>A process task runs on the host, where the platform cannot mount anything for it.</summary>
    public static void CheckRuntime(SpecObject root, JobSpec spec)
    {
        if (spec.Runtime == TaskRuntimes.Process && spec.Volumes.Count > 0)
        {
            root.Fail(Field, "volumes need the docker runtime: a process task runs on the host, where nothing can be mounted for it");
        }
    }

    private static string? ReadName(SpecObject item, List<VolumeSpec> earlier)
    {
        const string field = "name";
        var name = Required(item, field, "a lowercase DNS label such as 'checkpoints'", SpecLimits.MaxBodyBytes);
        if (name is null)
        {
            return null;
        }

        if (!JobSpecReader.DnsLabel().IsMatch(name))
        {
            item.Fail(field, $"'{SpecValues.Truncate(name)}' is not a lowercase DNS label: 1 to 63 characters of a-z, 0-9 "
                + "and '-', starting and ending with a letter or digit");
            return null;
        }

        if (earlier.Any(volume => volume.Name == name))
        {
            item.Fail(field, $"'{name}' names another volume already; volume names must be unique");
            return null;
        }

        return name;
    }

    private static string? ReadMountPath(SpecObject item, List<VolumeSpec> earlier)
    {
        const string field = "mountPath";
        var path = Required(item, field, "an absolute path inside the container such as /checkpoints", SpecLimits.MaxMountPathLength);
        if (path is null)
        {
            return null;
        }

        if (MountPaths.Problem(path) is { } problem)
        {
            item.Fail(field, problem);
            return null;
        }

        if (earlier.FirstOrDefault(volume => MountPaths.IsSameOrUnder(path, volume.MountPath) || MountPaths.IsSameOrUnder(volume.MountPath, path))
            is { } other)
        {
            item.Fail(field, path == other.MountPath
                ? $"'{path}' is the mount path of volume '{other.Name}' already"
                : $"'{path}' and the mount path {other.MountPath} of volume '{other.Name}' are nested; mount volumes side by side");
            return null;
        }

        return path;
    }

    private static string? Required(SpecObject item, string field, string example, int maxLength)
    {
        var present = item.Has(field);
        var value = item.String(field, maxLength);
        if (!present)
        {
            item.Fail(field, $"is required: {example}");
        }

        return value;
    }
}
