using System.Runtime.InteropServices;

namespace Platform.Worker.Runtimes;

/// <summary>The few libc calls .NET does not offer.</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Chown(string path, int owner, int group);

    /// <summary>Gives <paramref name="path"/> (not what is inside) to <paramref name="user"/>.</summary>
    public static void ChownOrThrow(string path, TaskUser user)
    {
        if (Chown(path, user.Uid, user.Gid) != 0)
        {
            throw new IOException($"chown {user} {path} failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }
}
