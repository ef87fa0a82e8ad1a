using System.Diagnostics;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>
/// The process runtime with real host processes started through <c>/bin/sh -c</c>, in real cgroups
/// (the tests run as root, as the agent does).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProcessRuntimeTests : IDisposable
{
    private readonly RuntimeUnderTest _node = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    private ProcessRuntime _runtime => _node.Runtime;

    [Fact]
    public async Task Started_process_is_listed_as_running_with_its_job_task_and_attempt()
    {
        var id = await StartAsync("sleep 30", attempt: 2);

        var task = await ObservedAsync(id);

        Assert.True(task.Running);
        Assert.Equal(TaskRuntimes.Process, task.Runtime);
        Assert.Equal(("job-1", "worker-0", 2), (task.JobId, task.Task, task.Attempt));
        Assert.Null(task.ExitCode);
        Assert.NotNull(task.StartedAt);
    }

    [Fact]
    public async Task Assignment_environment_reaches_the_process()
    {
        var id = await StartAsync("echo \"$PLATFORM_TASK_NAME port=$PLATFORM_TASK_PORT cfg=$TF_CONFIG\"",
            env: new Dictionary<string, string>
            {
                ["PLATFORM_TASK_NAME"] = "worker-0",
                ["PLATFORM_TASK_PORT"] = "41007",
                ["TF_CONFIG"] = """{"task":{"type":"worker","index":0}}""",
            });

        var lines = await AllLinesAsync(id);

        Assert.Equal(["""worker-0 port=41007 cfg={"task":{"type":"worker","index":0}}"""], lines.Select(line => line.Text));
    }

    [Fact]
    public async Task Output_lines_arrive_in_order_through_the_channel()
    {
        var id = await StartAsync("i=1; while [ $i -le 500 ]; do echo line-$i; i=$((i+1)); done");

        var lines = await AllLinesAsync(id);

        Assert.Equal(Enumerable.Range(1, 500).Select(i => $"line-{i}"), lines.Select(line => line.Text));
        Assert.All(lines, line => Assert.Equal(("worker-0", "stdout"), (line.Task, line.Stream)));
    }

    [Fact]
    public async Task Stderr_lines_are_marked_as_stderr()
    {
        var id = await StartAsync("echo to-out; echo to-err >&2");

        var lines = await AllLinesAsync(id);

        Assert.Equal(
            [("stderr", "to-err"), ("stdout", "to-out")],
            lines.Select(line => (line.Stream, line.Text)).Order());
    }

    [Fact]
    public async Task Lines_live_while_the_process_runs()
    {
        var id = await StartAsync("echo first; sleep 30");
        var sink = Channel.CreateUnbounded<LogEntry>();
        var follow = _runtime.FollowLogsAsync(await ObservedAsync(id), 0, sink.Writer, _timeout.Token);

        var first = await sink.Reader.ReadAsync(_timeout.Token);

        Assert.Equal("first", first.Text);
        Assert.False(follow.IsCompleted);
        Assert.True((await ObservedAsync(id)).Running);
    }

    [Fact]
    public async Task Exit_code_is_observed_once_the_process_ends()
    {
        var id = await StartAsync("exit 3");

        var task = await ExitedAsync(id);

        Assert.Equal(3, task.ExitCode);
        Assert.NotNull(task.FinishedAt);
        Assert.True(task.FinishedAt >= task.StartedAt!.Value.AddSeconds(-1));
    }

    [Fact]
    public async Task Stop_sends_sigterm_which_the_task_can_handle_and_exit_cleanly()
    {
        var id = await StartAsync("trap 'echo got SIGTERM; exit 0' TERM; echo ready; while true; do sleep 0.1; done");
        var sink = Channel.CreateUnbounded<LogEntry>();
        var follow = _runtime.FollowLogsAsync(await ObservedAsync(id), 0, sink.Writer, _timeout.Token);
        Assert.Equal("ready", (await sink.Reader.ReadAsync(_timeout.Token)).Text);

        var clock = Stopwatch.StartNew();
        await _runtime.StopAsync(await ObservedAsync(id), TimeSpan.FromSeconds(20), _timeout.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"stop took {clock.Elapsed}: the trap did not end it");
        Assert.Equal("got SIGTERM", (await sink.Reader.ReadAsync(_timeout.Token)).Text);
        await follow.WaitAsync(_timeout.Token);
        var task = await ExitedAsync(id);
        Assert.Equal(0, task.ExitCode);
    }

    [Fact]
    public async Task Stop_kills_a_task_that_ignores_sigterm_after_the_grace_period()
    {
        var id = await StartAsync("trap '' TERM; echo ready; while true; do sleep 0.1; done");
        var sink = Channel.CreateUnbounded<LogEntry>();
        _ = _runtime.FollowLogsAsync(await ObservedAsync(id), 0, sink.Writer, _timeout.Token);
        Assert.Equal("ready", (await sink.Reader.ReadAsync(_timeout.Token)).Text);
        var grace = TimeSpan.FromMilliseconds(700);

        var clock = Stopwatch.StartNew();
        await _runtime.StopAsync(await ObservedAsync(id), grace, _timeout.Token);

        Assert.True(clock.Elapsed >= grace - TimeSpan.FromMilliseconds(50), $"killed after {clock.Elapsed}, before the grace period");
        var task = await ExitedAsync(id);
        Assert.Equal(137, task.ExitCode);
    }

    [Fact]
    public async Task Exit_is_observed_and_stop_returns_when_a_background_child_keeps_the_output_open()
    {
        var id = await StartAsync("sleep 30 & echo started; exit 3");

        var task = await ExitedAsync(id);
        await _runtime.StopAsync(task, TimeSpan.FromMilliseconds(300), _timeout.Token).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(3, task.ExitCode);
    }

    [Fact]
    public async Task Stop_of_a_process_that_already_exited_returns_at_once()
    {
        var id = await StartAsync("exit 0");
        var task = await ExitedAsync(id);

        await _runtime.StopAsync(task, TimeSpan.FromSeconds(20), _timeout.Token);

        Assert.Equal(0, (await ExitedAsync(id)).ExitCode);
    }

    [Fact]
    public async Task Removed_process_is_no_longer_listed()
    {
        var id = await StartAsync("exit 0");
        var task = await ExitedAsync(id);

        await _runtime.RemoveAsync(task, _timeout.Token);

        Assert.DoesNotContain(await _runtime.ListAsync(_timeout.Token), listed => listed.Id == id);
    }

    [Fact]
    public async Task Lines_already_shipped_are_not_followed_again()
    {
        var id = await StartAsync("echo one; echo two; echo three");
        await ExitedAsync(id);
        var sink = Channel.CreateUnbounded<LogEntry>();

        await _runtime.FollowLogsAsync(await ObservedAsync(id), 2, sink.Writer, _timeout.Token);

        sink.Writer.Complete();
        var entry = Assert.Single(sink.Reader.ReadAllAsync().ToBlockingEnumerable());
        Assert.Equal(("three", 3L, id), (entry.Text, entry.Offset, entry.Source));
    }

    [Fact]
    public async Task Assignment_without_a_command_cannot_start()
    {
        var exception = await Assert.ThrowsAsync<TaskStartException>(() =>
            _runtime.StartAsync(Assignment([]), _timeout.Token));

        Assert.Contains("no command", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assignment_with_volumes_cannot_start_as_a_host_process()
    {
        var assignment = Assignment(["/bin/true"]) with { Volumes = [new VolumeMount("jobs/job-1/data", "/data")] };

        var exception = await Assert.ThrowsAsync<TaskStartException>(() => _runtime.StartAsync(assignment, _timeout.Token));

        Assert.Contains("docker runtime", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_executable_cannot_start_and_the_message_names_it()
    {
        var exception = await Assert.ThrowsAsync<TaskStartException>(() =>
            _runtime.StartAsync(Assignment(["/no/such/trainer"]), _timeout.Token));

        Assert.Contains("/no/such/trainer", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _node.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task New_runtime_kills_the_processes_an_earlier_agent_left_running_children_included()
    {
        using var earlier = _node.NewRuntime();
        var id = await earlier.StartAsync(Assignment(["/bin/sh", "-c", "setsid sleep 60 & sleep 60"]), _timeout.Token);
        var pid = int.Parse(id["process-".Length..], System.Globalization.CultureInfo.InvariantCulture);
        await Eventually.UntilAsync(() => Task.FromResult(TaskProcesses().Count >= 2 ? "both" : null), "the task and its detached child");

        using var later = _node.NewRuntime();

        await Eventually.UntilAsync(async () =>
        {
            await Task.Yield();
            return (await earlier.ListAsync(_timeout.Token)).Single().Running ? null : "exited";
        }, "the left-over process to be killed");
        Assert.Empty(Directory.GetFiles(Path.Combine(_node.StateDirectory, "pids")));
        await Eventually.UntilAsync(() => Task.FromResult(TaskProcesses().Count == 0 ? "none" : null), "the detached child to be killed with its cgroup");
        Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("sleep", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Task_gets_only_its_own_variables_and_a_minimal_path_home_and_lang()
    {
        Environment.SetEnvironmentVariable("PLATFORM_AGENT_SECRET_FOR_TEST", "must-not-leak");
        var id = await StartAsync("env", env: new Dictionary<string, string> { ["PLATFORM_TASK_NAME"] = "worker-0" });

        var variables = (await AllLinesAsync(id)).Select(line => line.Text.Split('=')[0]).Order(StringComparer.Ordinal);

        Assert.Equal(["HOME", "LANG", "PATH", "PLATFORM_TASK_NAME", "PWD"], variables);
    }

    [Fact]
    public async Task Task_runs_in_a_fresh_private_work_directory_and_its_pid_file_is_in_the_agents_private_state_directory()
    {
        var id = await StartAsync("pwd; echo \"$HOME\"");

        var lines = await AllLinesAsync(id);

        var work = lines[0].Text;
        Assert.StartsWith(Path.Combine(Path.GetTempPath(), "platform-task-"), work, StringComparison.Ordinal);
        Assert.Equal(work, lines[1].Text);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(work));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_node.StateDirectory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_node.StateDirectory, "pids")));
        Assert.Single(Directory.GetFiles(Path.Combine(_node.StateDirectory, "pids"), "*.pid"));
        await _runtime.RemoveAsync(await ObservedAsync(id), _timeout.Token);
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public async Task Task_is_held_to_its_pids_and_memory_limits_by_its_cgroup()
    {
        var assignment = Assignment(["/bin/sh", "-c", "cat /proc/self/cgroup"]) with
        {
            PidsLimit = 40,
            Resources = new Resources { Cpus = 1, MemoryMb = 300 },
        };
        var id = await _runtime.StartAsync(assignment, _timeout.Token);

        var groups = (await AllLinesAsync(id)).Select(line => line.Text.Split(':')).ToDictionary(parts => parts[1], parts => parts[2]);

        Assert.Equal("40", File.ReadAllText($"/sys/fs/cgroup/pids{groups["pids"]}/pids.max").Trim());
        Assert.Equal((300L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            File.ReadAllText($"/sys/fs/cgroup/memory{groups["memory"]}/memory.limit_in_bytes").Trim());
    }

    [Fact]
    public async Task Fork_bomb_stops_at_the_pids_limit()
    {
        var id = await _runtime.StartAsync(Assignment(["/bin/sh", "-c", "i=0; while [ $i -lt 100 ]; do sleep 20 & i=$((i+1)); done; echo forked all"]) with
        {
            PidsLimit = 20,
        }, _timeout.Token);

        var lines = await AllLinesAsync(id);

        Assert.DoesNotContain(lines, line => line.Text == "forked all");
        Assert.Contains(lines, line => line.Stream == "stderr" && line.Text.Contains("fork", StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(0, (await ExitedAsync(id)).ExitCode);
        await _runtime.StopAsync(await ObservedAsync(id), TimeSpan.FromSeconds(1), _timeout.Token);
        Assert.Empty(TaskProcesses());
    }

    [Fact]
    public async Task Node_without_usable_cgroups_refuses_the_task_with_the_reason()
    {
        var empty = Directory.CreateTempSubdirectory("no-cgroups-");
        try
        {
            using var runtime = new ProcessRuntime(Path.Combine(empty.FullName, "state"), TaskCgroups.Detect("node-x", empty.FullName));

            var exception = await Assert.ThrowsAsync<TaskStartException>(() => runtime.StartAsync(Assignment(["/bin/true"]), _timeout.Token));

            Assert.Contains("cannot hold worker-0 to its memory and pids limits", exception.Message, StringComparison.Ordinal);
            Assert.Contains("docker runtime", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Task_user_runs_the_process_as_that_uid_and_gid()
    {
        using var runtime = _node.NewRuntime(new NodeTaskLimits(User: new TaskUser(65534, 65534)));
        var id = await runtime.StartAsync(Assignment(["/bin/sh", "-c", "id -u; id -g; touch \"$HOME/written\" && echo wrote"]), _timeout.Token);
        var sink = Channel.CreateUnbounded<LogEntry>();

        await runtime.FollowLogsAsync((await runtime.ListAsync(_timeout.Token)).Single(task => task.Id == id), 0, sink.Writer, _timeout.Token);
        sink.Writer.Complete();

        Assert.Equal(["65534", "65534", "wrote"], sink.Reader.ReadAllAsync().ToBlockingEnumerable().Select(line => line.Text));
    }

    /// <summary>The processes in this node's cgroups, whatever their tree.</summary>
    private IReadOnlyList<int> TaskProcesses() => [.. Directory.GetDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => name!.All(char.IsAsciiDigit))
        .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
        .Where(pid => _node.Owns(pid))];

    private Task<string> StartAsync(string script, int attempt = 0, Dictionary<string, string>? env = null) =>
        _runtime.StartAsync(Assignment(["/bin/sh", "-c", script], attempt, env), _timeout.Token);

    private static TaskAssignment Assignment(
        IReadOnlyList<string> command, int attempt = 0, Dictionary<string, string>? env = null) => new()
    {
        JobId = "job-1",
        Task = "worker-0",
        Attempt = attempt,
        Runtime = TaskRuntimes.Process,
        Command = command,
        Env = env ?? [],
    };

    private async Task<ObservedTask> ObservedAsync(string id) =>
        (await _runtime.ListAsync(_timeout.Token)).Single(task => task.Id == id);

    private Task<ObservedTask> ExitedAsync(string id) => Eventually.UntilAsync(async () =>
    {
        var task = await ObservedAsync(id);
        return task.Running ? null : task;
    }, $"{id} to exit");

    /// <summary>Every line of a process that ends by itself; the follow ends with its output.</summary>
    private async Task<IReadOnlyList<LogEntry>> AllLinesAsync(string id)
    {
        var sink = Channel.CreateUnbounded<LogEntry>();
        await _runtime.FollowLogsAsync(await ObservedAsync(id), 0, sink.Writer, _timeout.Token);
        sink.Writer.Complete();
        return await sink.Reader.ReadAllAsync(_timeout.Token).ToListAsync(_timeout.Token);
    }
}
