using System.Globalization;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// What host-process tasks of a platform killed by a test leave on the machine: their cgroups
/// (under <c>platform-{node}</c>) and work directories. A restarted agent of the same node would
/// clear them; a test's node never starts again, so the test clears them itself.
/// </summary>
public static class HostProcessLeftovers
{
    /// <summary>The work directories the node's agent recorded; read them before the platform's data directory goes.</summary>
    public static IReadOnlyList<string> WorkDirectories(PlatformProcess platform)
    {
        var pids = Path.Combine(platform.DataDir, "processes", platform.NodeId, "pids");
        return Directory.Exists(pids)
            ? [.. Directory.GetFiles(pids, "*.pid").Select(File.ReadAllLines).Where(lines => lines.Length > 1).Select(lines => lines[1])]
            : [];
    }

    /// <summary>Kills what is left in the node's cgroups, removes them and the work directories.</summary>
    public static void Clear(string nodeId, IEnumerable<string> workDirectories)
    {
        foreach (var hierarchy in new[] { "pids", "memory", "" })
        {
            var parent = Path.Combine("/sys/fs/cgroup", hierarchy, $"platform-{nodeId}");
            if (!Directory.Exists(parent))
            {
                continue;
            }

            foreach (var group in Directory.GetDirectories(parent))
            {
                foreach (var pid in File.ReadAllLines(Path.Combine(group, "cgroup.procs")))
                {
                    try
                    {
                        System.Diagnostics.Process.GetProcessById(int.Parse(pid, CultureInfo.InvariantCulture)).Kill();
                    }
                    catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
                    {
                    }
                }

                Eventually.HoldsAsync(() =>
                {
                    Directory.Delete(group);
                    return Task.CompletedTask;
                }, TimeSpan.FromSeconds(10), $"cgroup {group} to be removed").GetAwaiter().GetResult();
            }

            Directory.Delete(parent);
        }

        foreach (var work in workDirectories.Where(Directory.Exists))
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
