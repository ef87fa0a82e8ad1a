using Platform.Contracts.Nodes;
using Platform.Core.Volumes;

namespace Platform.Worker.Runtimes;

/// <summary>
/// The node directories behind a task's volumes, under the volumes root. A directory is created
/// when missing and never removed here: a later attempt of the job, or a user after it ended,
/// finds what was written.
/// </summary>
public static class VolumeDirectories
{
    // Tasks run as root with every capability dropped (no CAP_DAC_OVERRIDE), or as an image's own
    // user: only permission bits let them write, so the volume itself is open to everyone. The
    // directories above it are the agent's alone, which keeps other host users out; containers
    // reach the volume through the bind mount without passing through them.
    private const UnixFileMode VolumeMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private const UnixFileMode ParentMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The directory of <paramref name="volume"/>; throws <see cref="TaskStartException"/> for a key leaving the root.</summary>
    public static string PathOf(string root, VolumeMount volume)
    {
        try
        {
            return VolumeRoot.Resolve(root, volume.Key);
        }
        catch (ArgumentException exception)
        {
            throw new TaskStartException($"Volume for {volume.MountPath} refused: {exception.Message}.", exception);
        }
    }

    /// <summary>
    /// Creates each volume's directory when missing and makes it writable for the task; with a
    /// <paramref name="owner"/> (the node's task user) the directory itself is theirs too.
    /// </summary>
    public static void Prepare(string root, IReadOnlyList<VolumeMount> volumes, TaskUser? owner = null)
    {
        foreach (var volume in volumes)
        {
            var path = PathOf(root, volume);
            if (OperatingSystem.IsWindows())
            {
                throw new TaskStartException("Volumes need a Linux node: their directories are opened up with Unix permissions.");
            }

            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!, ParentMode);
                Directory.CreateDirectory(path);
                File.SetUnixFileMode(path, VolumeMode);
                if (owner is not null)
                {
                    Posix.ChownOrThrow(path, owner);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new TaskStartException($"Could not prepare the volume directory {path} for {volume.MountPath}: {exception.Message}", exception);
            }
        }
    }
}
