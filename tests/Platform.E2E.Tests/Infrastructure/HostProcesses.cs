using System.Globalization;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>What the kernel says about processes of the host: the platform's own, and a container's cgroup.</summary>
public static class HostProcesses
{
    /// <summary>The pid of the platform process started with <paramref name="dataDir"/> (found by its environment).</summary>
    public static int PlatformPid(string dataDir)
    {
        var marker = $"Platform__DataDir={dataDir}\0";
        foreach (var directory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                if ((File.ReadAllText(Path.Combine(directory, "environ")) + "\0").Contains(marker, StringComparison.Ordinal)
                    && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains("Platform.Gateway", StringComparison.Ordinal))
                {
                    return pid;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
            }
        }

        throw new InvalidOperationException($"No platform process with Platform__DataDir={dataDir} runs.");
    }

    /// <summary>Resident memory of a process in bytes (VmRSS of /proc/PID/status).</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status").Single(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// A file of a container's pids cgroup (<c>pids.events</c>, <c>pids.current</c>): cgroup v1 with
    /// the cgroupfs driver, as on the test machines, or v2 with the systemd driver.
    /// </summary>
    public static string ContainerPidsFile(string containerId, string file)
    {
        string[] candidates =
        [
            $"/sys/fs/cgroup/pids/docker/{containerId}/{file}",
            $"/sys/fs/cgroup/system.slice/docker-{containerId}.scope/{file}",
            $"/sys/fs/cgroup/docker/{containerId}/{file}",
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No pids cgroup of container {containerId} found at {string.Join(", ", candidates)}.");
    }
}
