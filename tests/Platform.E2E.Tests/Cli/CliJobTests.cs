using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Cli;

/// <summary>The <c>platform</c> commands that only read or change state over REST, checked against what REST shows.</summary>
[Trait("Category", "Docker")]
public sealed class CliJobTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    private CliRunner Cli => new(Platform);

    [Fact]
    public async Task Submit_of_an_invalid_spec_prints_every_field_error_and_exits_2()
    {
        var spec = Cli.SpecFile("""
            name: Not_A_Label
            image: platform/hello-ps:1.0
            replicas:
              worker: { count: 0, resources: { gpus: 0.5 } }
            """);

        var run = await Cli.RunAsync("job", "submit", spec);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Stdout);
        foreach (var field in new[] { "name", "replicas.worker.count", "replicas.worker.resources.gpus" })
        {
            Assert.Contains($"  {field}: ", run.Stderr);
        }

        Assert.DoesNotContain((await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).EnumerateArray(),
            job => job.GetProperty("name").GetString() == "Not_A_Label");
    }

    [Fact]
    public async Task Submit_of_a_json_spec_prints_the_id_of_the_stored_job()
    {
        var spec = Cli.SpecFile("""{ "name": "from-json", "image": "platform/hello-ps:1.0", "replicas": { "worker": { "count": 1 } } }""", ".json");

        var run = await Cli.RunAsync("job", "submit", spec);

        Assert.True(run.ExitCode == 0, run.ToString());
        var id = Assert.Single(run.StdoutLines);
        Assert.Equal("from-json", (await Platform.GetJobAsync(id)).GetProperty("name").GetString());
        await Platform.WaitForStateAsync(id, "Succeeded", Timeout);
    }

    [Fact]
    public async Task Job_list_shows_the_ids_REST_shows_newest_first_and_filters_by_state()
    {
        var ids = new List<string>();
        foreach (var name in new[] { "listed-a", "listed-b" })
        {
            ids.Add(Id(await Platform.SubmitAsync(Quick(name))));
        }

        foreach (var id in ids)
        {
            await Platform.WaitForStateAsync(id, "Succeeded", Timeout);
        }

        var all = await Cli.RunAsync("job", "list");
        var succeeded = await Cli.RunAsync("job", "list", "--state", "Succeeded");

        Assert.True(all.ExitCode == 0, all.ToString());
        Assert.Equal(await RestIdsAsync("api/jobs"), all.TableRows.Select(row => row[0]));
        Assert.Subset(all.TableRows.Select(row => row[0]).ToHashSet(), ids.ToHashSet());
        Assert.Equal(["ID", "NAME", "TEAM", "STATE", "REASON", "AGE"], all.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(succeeded.ExitCode == 0, succeeded.ToString());
        Assert.Equal(await RestIdsAsync("api/jobs?state=Succeeded"), succeeded.TableRows.Select(row => row[0]));
        Assert.All(succeeded.TableRows, row => Assert.Equal("Succeeded", row[3]));

        var page = await Cli.RunAsync("job", "list", "--limit", "1");
        var pages = await Cli.RunAsync("job", "list", "--limit", "1", "--all");
        Assert.Equal(all.TableRows.Take(1).Select(row => row[0]), page.TableRows.Select(row => row[0]));
        Assert.Contains("--all", page.Stderr, StringComparison.Ordinal);
        Assert.Equal(all.TableRows.Select(row => row[0]), pages.TableRows.Select(row => row[0]));
    }

    [Fact]
    public async Task Node_list_shows_the_node_and_each_of_its_4_gpus_as_REST_shows_them()
    {
        await Eventually.HoldsAsync(async () =>
        {
            var run = await Cli.RunAsync("node", "list");

            Assert.True(run.ExitCode == 0, run.ToString());
            var node = (await Platform.NodeAsync(Platform.NodeId))!.Value;
            var expected = node.GetProperty("gpus").EnumerateArray().Select(gpu => new[]
            {
                Platform.NodeId, node.GetProperty("state").GetString()!, node.GetProperty("host").GetString()!,
                "16", "16384", gpu.GetProperty("index").GetInt32().ToString(), gpu.GetProperty("id").GetString()!,
                gpu.GetProperty("holder") is { ValueKind: JsonValueKind.Object } holder
                    ? $"{holder.GetProperty("jobId").GetString()}/{holder.GetProperty("task").GetString()}" : "free",
            }).ToList();
            Assert.Equal(4, expected.Count);
            Assert.Equal(expected, run.TableRows.Where(row => row[0] == Platform.NodeId));
        }, Timeout, "node list to show what GET /api/nodes shows");
    }

    [Fact]
    public async Task Job_logs_prints_every_stored_line_in_order_and_task_selects_one_task()
    {
        var id = Id(await Platform.SubmitAsync(Samples.HelloPsJob));
        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(2));
        await DockerEngine.WaitForNoContainersAsync(id, Timeout);

        var all = await Cli.RunAsync("job", "logs", id);
        var chief = await Cli.RunAsync("job", "logs", id, "--task", "chief-0");

        Assert.True(all.ExitCode == 0, all.ToString());
        var stored = (await Platform.LogsAsync(id)).Select(line => (line.GetProperty("task").GetString()!, line.GetProperty("text").GetString()!)).ToList();
        Assert.True(stored.Count > 50, $"only {stored.Count} lines stored");
        Assert.Equal(stored, all.LogLines);
        Assert.Equal(stored.Count, all.StdoutLines.Count);
        Assert.True(chief.ExitCode == 0, chief.ToString());
        Assert.Equal(stored.Where(line => line.Item1 == "chief-0"), chief.LogLines);
        Assert.Contains(("chief-0", "chief-0: every ps has seen 3 workers"), chief.LogLines);
    }

    [Fact]
    public async Task Job_get_shows_every_task_and_json_prints_the_job_as_REST_returns_it()
    {
        var id = Id(await Platform.SubmitAsync(Quick("shown")));
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);

        var table = await Cli.RunAsync("job", "get", id);
        var json = await Cli.RunAsync("job", "get", id, "--json");

        Assert.True(table.ExitCode == 0, table.ToString());
        var task = Task(job, "worker-0");
        Assert.Contains(table.StdoutLines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["worker-0", "Succeeded", var node, var address, "-", "0", "0", ..]
            && node == Platform.NodeId && address == $"{task.GetProperty("host").GetString()}:{task.GetProperty("port").GetInt32()}");
        Assert.Contains(table.StdoutLines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["state", "Succeeded"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Equal(id, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Job_cancel_of_a_running_job_cancels_it_and_a_second_cancel_exits_1()
    {
        var spec = Cli.SpecFile("""
            name: sleeps
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "60" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            terminationGracePeriodSeconds: 5
            """);
        var submitted = await Cli.RunAsync("job", "submit", spec);
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = Assert.Single(submitted.StdoutLines);
        await Platform.WaitForLineAsync(id, "worker-0", "tick 1", Timeout);

        var cancel = await Cli.RunAsync("job", "cancel", id);

        Assert.True(cancel.ExitCode == 0, cancel.ToString());
        Assert.StartsWith($"job {id} ", cancel.Stdout);
        await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
        var again = await Cli.RunAsync("job", "cancel", id);
        Assert.True(again.ExitCode == 1, again.ToString());
        Assert.Contains("already finished", again.Stderr);
    }

    [Fact]
    public async Task Commands_on_an_unknown_job_exit_1_naming_it()
    {
        foreach (var command in new[] { "get", "logs", "cancel" })
        {
            var run = await Cli.RunAsync("job", command, "no-such-job");

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("No job 'no-such-job'", run.Stderr);
        }
    }

    [Fact]
    public async Task Stopping_an_unknown_notebook_says_so_and_exits_1()
    {
        var run = await Cli.RunAsync("notebook", "stop", "nb-1");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("No notebook 'nb-1'", run.Stderr);
    }

    private static string Quick(string name) => $$"""
        name: {{name}}
        image: platform/hello-ps:1.0
        command: ["sh", "-c", "echo {{name}}"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        """;

    private async Task<List<string>> RestIdsAsync(string path) =>
        [.. (await Platform.Http.GetFromJsonAsync<JsonElement>(path)).EnumerateArray().Select(Id)];
}
