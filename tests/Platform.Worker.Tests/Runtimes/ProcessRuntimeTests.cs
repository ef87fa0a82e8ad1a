using System.Diagnostics;
using System.Threading.Channels;
using Platform.Contracts.Jobs;
using Platform.Contracts.Logs;
using Platform.Contracts.Nodes;
using Platform.Core.Agent;
using Platform.Worker.Runtimes;

namespace Platform.Worker.Tests.Runtimes;

/// <summary>The process runtime with real host processes started through <c>/bin/sh -c</c>.</summary>
public sealed class ProcessRuntimeTests : IDisposable
{
    private readonly ProcessRuntime _runtime = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

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
        _runtime.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task New_runtime_kills_the_processes_an_earlier_agent_left_running()
    {
        var pids = Directory.CreateTempSubdirectory("platform-pids-");
        try
        {
            using var earlier = new ProcessRuntime(pids.FullName);
            var id = await earlier.StartAsync(Assignment(["/bin/sh", "-c", "sleep 60"]), _timeout.Token);
            var pid = int.Parse(id["process-".Length..], System.Globalization.CultureInfo.InvariantCulture);

            using var later = new ProcessRuntime(pids.FullName);

            await Eventually.UntilAsync(async () =>
            {
                await Task.Yield();
                return (await earlier.ListAsync(_timeout.Token)).Single().Running ? null : "exited";
            }, "the left-over process to be killed");
            Assert.Empty(pids.GetFiles());
            Assert.False(File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("sleep", StringComparison.Ordinal));
        }
        finally
        {
            pids.Delete(recursive: true);
        }
    }

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
