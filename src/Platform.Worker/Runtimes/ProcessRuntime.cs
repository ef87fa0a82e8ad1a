using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;

namespace Platform.Worker.Runtimes;

/// <summary>
/// Tasks as host processes, for machines without Docker; a node runs them only when its operator
/// enables the runtime. Each starts with a clean environment (the task's own variables and a
/// minimal <c>PATH</c>, <c>HOME</c>, <c>LANG</c>, never the agent's), in a fresh private work directory,
/// as the node's task user when one is set, inside a cgroup holding it to its memory and pids
/// limits; where no cgroup can be made the runtime refuses every task. Output cannot be
/// re-attached after the agent restarts, so processes are not adopted: a new agent kills what an
/// earlier one left running (recorded under <paramref name="stateDirectory"/>, mode 0700) and the
/// node's desired tasks start afresh.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessRuntime : ITaskRuntime, IDisposable
{
    /// <summary>The <c>PATH</c> a task gets: the usual system directories, nothing of the agent's.</summary>
    public const string TaskPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public const string TaskLang = "C.UTF-8";

    private const string WorkPrefix = "platform-task-";

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Joins the task's cgroups, then becomes the task: limits hold from its first instruction on.
    private const string Launcher = """while [ "$1" != -- ]; do echo $$ > "$1" || exit 125; shift; done; shift; exec "$@" """;

    private readonly ConcurrentDictionary<string, HostProcess> _processes = new();
    private readonly string _pidDirectory;
    private readonly TaskCgroups _cgroups;
    private readonly NodeTaskLimits _limits;

    public ProcessRuntime(string stateDirectory, TaskCgroups cgroups, NodeTaskLimits? limits = null)
    {
        _cgroups = cgroups;
        _limits = limits ?? new NodeTaskLimits();
        _pidDirectory = Path.Combine(stateDirectory, "pids");
        foreach (var directory in new[] { stateDirectory, _pidDirectory })
        {
            Directory.CreateDirectory(directory, PrivateMode);
            File.SetUnixFileMode(directory, PrivateMode);
        }

        KillLeftovers();
    }

    public string Name => Contracts.Jobs.TaskRuntimes.Process;

    public Task<IReadOnlyList<ObservedTask>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ObservedTask>>([.. _processes.Values.Select(process => process.Observe())]);

    public Task<string> StartAsync(TaskAssignment assignment, CancellationToken cancellationToken)
    {
        Refuse(assignment);
        var name = $"{assignment.JobId}-{assignment.Task}-a{assignment.Attempt.ToString(CultureInfo.InvariantCulture)}";
        var cgroup = _cgroups.Create(name, assignment.Resources.MemoryMb * 1024L * 1024L, _limits.PidsFor(assignment.PidsLimit));
        var work = CreateWorkDirectory();
        try
        {
            var process = new HostProcess(assignment, Process.Start(StartInfo(assignment, cgroup, work))!, cgroup, work);
            _processes[process.Id] = process;
            File.WriteAllLines(PidFile(process.Pid), [StartTicks(process.Pid), work]);
            return Task.FromResult(process.Id);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            cgroup.TryRemove();
            DeleteWorkDirectory(work);
            throw new TaskStartException($"Cannot run {assignment.Command[0]}: {exception.Message}", exception);
        }
    }

    public async Task StopAsync(ObservedTask task, TimeSpan grace, CancellationToken cancellationToken)
    {
        if (!_processes.TryGetValue(task.Id, out var process))
        {
            return;
        }

        if (process.Exited.IsCompleted)
        {
            process.Cgroup.KillAll();
            return;
        }

        _ = Posix.Kill(process.Pid, Posix.SigTerm);
        try
        {
            await process.Exited.WaitAsync(grace, cancellationToken);
        }
        catch (TimeoutException)
        {
            process.KillTree();
            await process.Exited.WaitAsync(cancellationToken);
        }

        // What the task left behind in its group (a daemonised child) does not outlive it.
        process.Cgroup.KillAll();
    }

    public Task RemoveAsync(ObservedTask task, CancellationToken cancellationToken)
    {
        if (_processes.TryRemove(task.Id, out var process))
        {
            process.KillTree();
            process.Cgroup.TryRemove();
            File.Delete(PidFile(process.Pid));
            DeleteWorkDirectory(process.WorkDirectory);
            process.Dispose();
        }

        return Task.CompletedTask;
    }

    public async Task FollowLogsAsync(ObservedTask task, long shipped, ChannelWriter<LogEntry> sink, CancellationToken cancellationToken)
    {
        if (!_processes.TryGetValue(task.Id, out var process))
        {
            return;
        }

        await foreach (var entry in process.Lines.ReadAllAsync(cancellationToken))
        {
            if (entry.Offset > shipped)
            {
                await sink.WriteAsync(entry, cancellationToken);
            }
        }
    }

    public void Dispose()
    {
        foreach (var id in _processes.Keys)
        {
            if (!_processes.TryRemove(id, out var process))
            {
                continue;
            }

            process.KillTree();
            process.Cgroup.TryRemove();
            File.Delete(PidFile(process.Pid));
            DeleteWorkDirectory(process.WorkDirectory);
            process.Dispose();
        }
    }

    /// <summary>What a host process cannot be given: the task fails with the reason instead of running unlimited.</summary>
    private void Refuse(TaskAssignment assignment)
    {
        if (assignment.Command.Count == 0)
        {
            throw new TaskStartException($"{assignment.Task} has no command: the process runtime needs one.");
        }

        if (assignment.Volumes.Count > 0)
        {
            throw new TaskStartException($"{assignment.Task} has volumes, which need the docker runtime: a host process cannot have directories mounted.");
        }

        if (!IsExecutable(assignment.Command[0]))
        {
            throw new TaskStartException($"Cannot run {assignment.Command[0]}: no such executable file (PATH is {TaskPath}).");
        }

        if (_cgroups.Unavailable is { } reason)
        {
            throw new TaskStartException(
                $"The process runtime cannot hold {assignment.Task} to its memory and pids limits: {reason}. Use the docker runtime, or run the agent where it can create cgroups.");
        }
    }

    private ProcessStartInfo StartInfo(TaskAssignment assignment, TaskCgroup cgroup, string work)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = work,
        };
        // Whatever the agent's environment holds (its configuration, tokens) is not the task's business.
        start.Environment.Clear();
        start.Environment["PATH"] = TaskPath;
        start.Environment["HOME"] = work;
        start.Environment["LANG"] = TaskLang;
        foreach (var variable in assignment.RuntimeEnvironment())
        {
            start.Environment[variable.Key] = variable.Value;
        }

        foreach (var argument in (string[])["-c", Launcher, "platform-task", .. cgroup.ProcsFiles, "--"])
        {
            start.ArgumentList.Add(argument);
        }

        if (_limits.User is { } user)
        {
            foreach (var argument in (string[])["setpriv", $"--reuid={user.Uid}", $"--regid={user.Gid}", "--clear-groups", "--"])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in assignment.Command)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static bool IsExecutable(string command) => command.Contains('/', StringComparison.Ordinal)
        ? IsExecutableFile(command)
        : TaskPath.Split(':').Any(directory => IsExecutableFile(Path.Combine(directory, command)));

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    /// <summary>
    /// A fresh directory of the task's own (0700, the task user's) under the system's temporary
    /// directory with an unguessable name: the task user must reach it, and the agent's state
    /// directory stays closed to everyone but the agent.
    /// </summary>
    private string CreateWorkDirectory()
    {
        var work = Directory.CreateTempSubdirectory(WorkPrefix).FullName;
        if (_limits.User is { } user)
        {
            Posix.ChownOrThrow(work, user);
        }

        return work;
    }

    private static void DeleteWorkDirectory(string work)
    {
        if (Path.GetFileName(work).StartsWith(WorkPrefix, StringComparison.Ordinal) && Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Kills each recorded process still alive with the start time it had (a pid can be reused), and what its cgroup holds.</summary>
    private void KillLeftovers()
    {
        foreach (var file in Directory.GetFiles(_pidDirectory, "*.pid"))
        {
            var pid = int.Parse(Path.GetFileNameWithoutExtension(file), CultureInfo.InvariantCulture);
            var recorded = File.ReadAllLines(file);
            if (StartTicks(pid) is { Length: > 0 } ticks && recorded.Length > 0 && ticks == recorded[0])
            {
                _ = Posix.Kill(pid, Posix.SigKill);
            }

            if (recorded.Length > 1)
            {
                DeleteWorkDirectory(recorded[1]);
            }

            File.Delete(file);
        }

        foreach (var cgroup in _cgroups.Leftovers())
        {
            cgroup.KillAll();
            cgroup.TryRemove();
        }
    }

    private string PidFile(int pid) => Path.Combine(_pidDirectory, $"{pid.ToString(CultureInfo.InvariantCulture)}.pid");

    /// <summary>The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), or "" when it is gone.</summary>
    private static string StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException)
        {
            return "";
        }
    }
}
