using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Cli;

/// <summary>
/// <c>platform job submit --follow</c> and <c>platform job logs -f</c>: these follow the job over the
/// SignalR hub at <c>/hubs/jobs</c>, so they need it; without it they fail at once with a message
/// naming the hub (the runner's timeout keeps a hang from passing unnoticed).
/// </summary>
[Trait("Category", "Docker")]
public sealed class CliFollowTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan FollowTimeout = TimeSpan.FromMinutes(3);

    private PlatformProcess Platform => fixture.Platform;

    private CliRunner Cli => new(Platform);

    [Fact]
    public async Task Submit_follow_of_the_sample_job_prints_the_chiefs_lines_and_exits_zero()
    {
        var run = await Cli.RunAsync(FollowTimeout, "job", "submit", Path.Combine(Samples.RepositoryRoot(), "samples", "hello-ps", "job.yaml"), "--follow");

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = run.StdoutLines[0];
        Assert.Equal("Succeeded", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
        Assert.Contains(("chief-0", "chief-0: every ps has seen 3 workers"), run.LogLines);
        Assert.Equal($"job {id} Succeeded", run.StdoutLines[^1]);
        await AssertPrintedInStoredOrderAsync(id, run);
    }

    [Fact]
    public async Task Submit_follow_of_a_failing_job_prints_its_output_and_exits_non_zero()
    {
        var spec = Cli.SpecFile("""
            name: says-bye
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "echo bye; exit 3"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            restartPolicy: Never
            """);

        var run = await Cli.RunAsync(FollowTimeout, "job", "submit", spec, "--follow");

        Assert.True(run.ExitCode != 0, run.ToString());
        Assert.Contains(("worker-0", "bye"), run.LogLines);
        var id = run.StdoutLines[0];
        var job = await Platform.GetJobAsync(id);
        Assert.Equal("Failed", job.GetProperty("state").GetString());
        Assert.Equal($"job {id} Failed: {OptionalString(job, "reason")}", run.StdoutLines[^1]);
    }

    [Fact]
    public async Task Logs_follow_prints_a_running_jobs_lines_as_they_come_and_ends_with_the_job()
    {
        var id = Id(await Platform.SubmitAsync("""
            name: ticks
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "4" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """));
        await Platform.WaitForLineAsync(id, "worker-0", "tick 1", TimeSpan.FromSeconds(60));

        var run = await Cli.RunAsync(FollowTimeout, "job", "logs", id, "-f");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("Succeeded", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
        Assert.Equal(["tick 1", "tick 2", "tick 3", "tick 4"], run.LogLines.Select(line => line.Text).Where(text => text.StartsWith("tick ", StringComparison.Ordinal)));
        await AssertPrintedInStoredOrderAsync(id, run);
    }

    [Fact]
    public async Task Logs_follow_of_a_task_printing_two_hundred_thousand_lines_prints_every_line_once_in_order()
    {
        const int Total = 200_000;
        var id = Id(await Platform.SubmitAsync($$"""
            name: floods-the-cli
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "sleep 1; seq 1 {{Total}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 1, memoryMb: 256 } }
            """));

        var run = await Cli.RunAsync(FollowTimeout, "job", "logs", id, "-f");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.Equal(Enumerable.Range(1, Total).Select(i => ("worker-0", i.ToString())), run.LogLines);
    }

    /// <summary>What the CLI printed is the stored log from its first line, in order, none twice.</summary>
    private async Task AssertPrintedInStoredOrderAsync(string id, CliResult run)
    {
        var stored = (await Platform.LogsAsync(id)).Select(line => (line.GetProperty("task").GetString()!, line.GetProperty("text").GetString()!)).ToList();
        Assert.True(run.LogLines.Count <= stored.Count, run.ToString());
        Assert.Equal(stored.Take(run.LogLines.Count), run.LogLines);
    }
}
