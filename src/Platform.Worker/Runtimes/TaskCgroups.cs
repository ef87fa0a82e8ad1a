using System.Globalization;

namespace Platform.Worker.Runtimes;

/// <summary>
/// The cgroups host processes run in, one per task attempt under <c>platform-{node}</c>: the only
/// honest way to hold a process tree to a memory and a pids limit (RLIMIT_NPROC counts every
/// process of the user, RLIMIT_AS counts address space, not memory). Works with cgroup v2 (the
/// <c>memory</c> and <c>pids</c> controllers enabled below the root) and with v1 (the
/// <c>memory</c> and <c>pids</c> hierarchies under <c>/sys/fs/cgroup</c>). Where neither is
/// writable, <see cref="Unavailable"/> says why and the process runtime refuses every task.
/// </summary>
public sealed class TaskCgroups
{
    public const string DefaultRoot = "/sys/fs/cgroup";

    private readonly IReadOnlyList<string> _parents;

    private TaskCgroups(bool unified, IReadOnlyList<string> parents, string? unavailable)
    {
        Unified = unified;
        _parents = parents;
        Unavailable = unavailable;
    }

    /// <summary>cgroup v2 (one hierarchy) rather than v1 (one per controller).</summary>
    public bool Unified { get; }

    /// <summary>Why tasks cannot be limited here; null when they can.</summary>
    public string? Unavailable { get; }

    /// <summary>Finds a writable hierarchy with memory and pids control and makes the node's parent group in it.</summary>
    public static TaskCgroups Detect(string nodeId, string root = DefaultRoot)
    {
        var name = $"platform-{nodeId}";
        try
        {
            if (File.Exists(Path.Combine(root, "cgroup.controllers")))
            {
                var controllers = File.ReadAllText(Path.Combine(root, "cgroup.controllers")).Split(' ', StringSplitOptions.TrimEntries);
                if (!controllers.Contains("memory") || !controllers.Contains("pids"))
                {
                    return Refused($"cgroup v2 at {root} lacks the memory or pids controller");
                }

                // Tasks live in children of the parent, so the parent holds no process and may delegate both controllers.
                File.WriteAllText(Path.Combine(root, "cgroup.subtree_control"), "+memory +pids");
                var parent = Path.Combine(root, name);
                Directory.CreateDirectory(parent);
                File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), "+memory +pids");
                return new TaskCgroups(true, [parent], null);
            }

            string[] hierarchies = [Path.Combine(root, "pids"), Path.Combine(root, "memory")];
            if (hierarchies.Any(hierarchy => !File.Exists(Path.Combine(hierarchy, "cgroup.procs"))))
            {
                return Refused($"no cgroup v2 and no cgroup v1 pids and memory hierarchies at {root}");
            }

            var parents = hierarchies.Select(hierarchy => Path.Combine(hierarchy, name)).ToList();
            parents.ForEach(parent => Directory.CreateDirectory(parent));
            return new TaskCgroups(false, parents, null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Refused($"the cgroups at {root} are not writable for the agent ({exception.Message})");
        }
    }

    /// <summary>A new group for one attempt with its limits set; the process joins it before it execs.</summary>
    public TaskCgroup Create(string name, long memoryBytes, int pids)
    {
        if (Unavailable is not null)
        {
            throw new InvalidOperationException(Unavailable);
        }

        var directories = _parents.Select(parent => Path.Combine(parent, name)).ToList();
        var group = new TaskCgroup(directories);
        try
        {
            directories.ForEach(directory => Directory.CreateDirectory(directory));
            var bytes = memoryBytes.ToString(CultureInfo.InvariantCulture);
            var pidsMax = pids.ToString(CultureInfo.InvariantCulture);
            if (Unified)
            {
                Write(directories[0], "memory.max", bytes);
                WriteIfPresent(directories[0], "memory.swap.max", "0");
                Write(directories[0], "pids.max", pidsMax);
            }
            else
            {
                Write(directories[0], "pids.max", pidsMax);
                Write(directories[1], "memory.limit_in_bytes", bytes);
                // Memory plus swap at the same value: over its memory the task is OOM-killed, not swapped.
                WriteIfPresent(directories[1], "memory.memsw.limit_in_bytes", bytes);
            }

            return group;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            group.TryRemove();
            throw new TaskStartException($"Could not set up the cgroup that limits the task ({exception.Message}).", exception);
        }
    }

    /// <summary>Groups an earlier agent left: their processes are killed and the groups removed.</summary>
    public IEnumerable<TaskCgroup> Leftovers() => Unavailable is not null
        ? []
        : _parents[0] is var first && Directory.Exists(first)
            ? Directory.GetDirectories(first).Select(Path.GetFileName)
                .Select(name => new TaskCgroup([.. _parents.Select(parent => Path.Combine(parent, name!))]))
            : [];

    private static TaskCgroups Refused(string reason) => new(false, [], reason);

    private static void Write(string directory, string file, string value) => File.WriteAllText(Path.Combine(directory, file), value);

    private static void WriteIfPresent(string directory, string file, string value)
    {
        if (File.Exists(Path.Combine(directory, file)))
        {
            Write(directory, file, value);
        }
    }
}
