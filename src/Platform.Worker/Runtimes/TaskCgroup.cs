using System.Globalization;

namespace Platform.Worker.Runtimes;

/// <summary>The cgroup of one host-process attempt: one directory per hierarchy (one on cgroup v2).</summary>
public sealed class TaskCgroup(IReadOnlyList<string> directories)
{
    /// <summary>Rounds of killing what the group holds: a fork bomb forks between a read of the list and the kills.</summary>
    private const int KillRounds = 200;

    /// <summary>The files a process writes its pid to in order to join the group, one per hierarchy.</summary>
    public IReadOnlyList<string> ProcsFiles { get; } = [.. directories.Select(directory => Path.Combine(directory, "cgroup.procs"))];

    /// <summary>Pids in the group now (from the first hierarchy, which every member joined).</summary>
    public IReadOnlyList<int> Members()
    {
        try
        {
            return [.. File.ReadAllLines(ProcsFiles[0]).Where(line => line.Length > 0)
                .Select(line => int.Parse(line, CultureInfo.InvariantCulture))];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>SIGKILLs every process of the group, also those forked while it does so; true when the group is empty.</summary>
    public bool KillAll()
    {
        var kill = Path.Combine(directories[0], "cgroup.kill");
        if (File.Exists(kill))
        {
            File.WriteAllText(kill, "1");
        }

        for (var round = 0; round < KillRounds; round++)
        {
            var members = Members();
            if (members.Count == 0)
            {
                return true;
            }

            foreach (var pid in members)
            {
                _ = Posix.Kill(pid, Posix.SigKill);
            }

            Thread.Yield();
        }

        return Members().Count == 0;
    }

    /// <summary>Removes the group's directories; a group with processes left cannot be removed and stays.</summary>
    public void TryRemove()
    {
        foreach (var directory in directories)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Still busy (a process not yet reaped): the next agent's start-up clears it.
            }
        }
    }
}
