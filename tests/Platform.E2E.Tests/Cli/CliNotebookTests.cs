using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Notebooks;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Cli;

/// <summary>
/// <c>platform notebook start/list/stop</c> against a platform that runs the real Jupyter image:
/// start waits until Ready (saying why while it waits), prints the gateway's address of the
/// notebook and opens it with <c>$BROWSER</c>; list and stop show and change what REST shows.
/// </summary>
[Trait("Category", "Docker")]
public sealed class CliNotebookTests(NotebookFixture fixture) : IClassFixture<NotebookFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private PlatformProcess Platform => fixture.Platform;

    private CliRunner Cli => new(Platform);

    [Fact]
    public async Task Start_waits_until_ready_and_prints_the_proxied_address_which_list_shows_and_stop_ends()
    {
        var start = await Cli.RunAsync(StartTimeout, "notebook", "start", "--gpus", "1", "--cpus", "0.5", "--memory-mb", "1024", "--no-browser");

        Assert.True(start.ExitCode == 0, start.ToString());
        var address = new Uri(start.StdoutLines[^1]);
        var id = NotebookIdOf(address);
        Assert.Equal(new Uri(Platform.BaseAddress, $"notebooks/{id}/"), address);
        Assert.Equal($"notebook {id} Ready", start.StdoutLines[^2]);
        Assert.DoesNotContain("No browser", start.Stderr);
        var notebook = await Platform.GetNotebookAsync(id);
        Assert.Equal("Ready", notebook.GetProperty("state").GetString());
        using (var status = await Platform.Http.GetAsync($"{address.AbsolutePath.TrimStart('/')}api/status"))
        {
            Assert.True(status.IsSuccessStatusCode, $"Jupyter through the printed address answered {(int)status.StatusCode}");
        }

        var list = await Cli.RunAsync("notebook", "list");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Equal(["ID", "STATE", "GPUS", "NODE", "URL", "LAST", "ACTIVITY", "REASON"], list.StdoutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var row = Assert.Single(list.TableRows, row => row[0] == id);
        var gpu = Assert.Single(notebook.GetProperty("gpus").EnumerateArray()).GetString();
        Assert.Equal(["Ready", gpu!, Platform.NodeId, address.ToString()], row[1..5]);

        var stop = await Cli.RunAsync("notebook", "stop", id);

        Assert.True(stop.ExitCode == 0, stop.ToString());
        await Platform.WaitForNotebookAsync(id, "Stopped");
        var after = await Cli.RunAsync("notebook", "list");
        Assert.Equal(["Stopped", "-", Platform.NodeId, "-"], Assert.Single(after.TableRows, row => row[0] == id)[1..5]);
    }

    [Fact]
    public async Task Start_opens_the_address_with_the_browser_that_BROWSER_names()
    {
        var opened = Path.Combine(Platform.DataDir, $"opened-{Guid.NewGuid():N}.txt");
        var browser = Path.Combine(Platform.DataDir, $"browser-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(browser, $"#!/bin/sh\necho \"$1\" > {opened}.part && mv {opened}.part {opened}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(browser, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = await Cli.RunAsync(StartTimeout, new Dictionary<string, string?> { ["BROWSER"] = browser }, "notebook", "start", "--cpus", "0.5", "--memory-mb", "1024");

        Assert.True(start.ExitCode == 0, start.ToString());
        var address = start.StdoutLines[^1];
        await Eventually.HoldsAsync(async () => Assert.Equal(address, (await File.ReadAllTextAsync(opened)).Trim()),
            TimeSpan.FromSeconds(30), $"{browser} to be run with the address");
        await Platform.StopNotebookAsync(NotebookIdOf(new Uri(address)));
    }

    [Fact]
    public async Task Start_without_any_browser_prints_the_address_and_says_to_open_it()
    {
        var start = await Cli.RunAsync(StartTimeout, new Dictionary<string, string?> { ["BROWSER"] = null, ["DISPLAY"] = null, ["WAYLAND_DISPLAY"] = null },
            "notebook", "start", "--cpus", "0.5", "--memory-mb", "1024");

        Assert.True(start.ExitCode == 0, start.ToString());
        Assert.Contains("No browser to open it with (set $BROWSER); open the address above.", start.Stderr);
        await Platform.StopNotebookAsync(NotebookIdOf(new Uri(start.StdoutLines[^1])));
    }

    [Fact]
    public async Task Start_while_every_gpu_is_held_prints_the_pending_reason_and_goes_on_once_they_are_free()
    {
        var holder = Id(await Platform.SubmitAsync("""
            name: holds-both-gpus
            image: platform/hello-ps:1.0
            env: { HELLO_SLEEP_SECONDS: "600" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 2 } }
            terminationGracePeriodSeconds: 1
            """));
        await Platform.WaitForStateAsync(holder, "Running", TimeSpan.FromSeconds(60));

        var starting = Cli.RunAsync(StartTimeout, "notebook", "start", "--gpus", "1", "--cpus", "0.5", "--memory-mb", "1024", "--no-browser");
        var pending = await WaitForPendingNotebookAsync();
        await Platform.Http.PostAsync($"api/jobs/{holder}/cancel", null);
        var start = await starting;

        Assert.True(start.ExitCode == 0, start.ToString());
        var reason = pending.GetProperty("reason").GetString();
        Assert.False(string.IsNullOrEmpty(reason), pending.ToString());
        Assert.Contains($"notebook {Id(pending)} Pending: {reason}", start.StdoutLines);
        Assert.Equal($"notebook {Id(pending)} Ready", start.StdoutLines[^2]);
        await Platform.StopNotebookAsync(Id(pending));
    }

    [Fact]
    public async Task Start_of_a_refused_notebook_prints_the_field_errors_and_exits_2()
    {
        var start = await Cli.RunAsync("notebook", "start", "--gpus", "64", "--image", "nobody/unknown:1");

        Assert.True(start.ExitCode == 2, start.ToString());
        Assert.Contains("  gpus: ", start.Stderr);
        Assert.Contains("  image: ", start.Stderr);
        Assert.Empty(start.Stdout);
    }

    [Fact]
    public async Task Stop_of_an_unknown_notebook_exits_1_saying_so()
    {
        var stop = await Cli.RunAsync("notebook", "stop", "nb-none");

        Assert.True(stop.ExitCode == 1, stop.ToString());
        Assert.Contains("No notebook 'nb-none'", stop.Stderr);
    }

    private async Task<JsonElement> WaitForPendingNotebookAsync()
    {
        JsonElement pending = default;
        await Eventually.HoldsAsync(async () =>
        {
            var notebooks = await Platform.Http.GetFromJsonAsync<JsonElement>("api/notebooks");
            pending = notebooks.EnumerateArray().Single(notebook => notebook.GetProperty("state").GetString() == "Pending");
            Assert.Contains("GPU", JobJson.OptionalString(pending, "reason"));
        }, TimeSpan.FromSeconds(60), "the CLI's notebook to wait for a GPU, saying so");
        return pending;
    }

    private static string NotebookIdOf(Uri address) => address.Segments[^1].TrimEnd('/');
}
