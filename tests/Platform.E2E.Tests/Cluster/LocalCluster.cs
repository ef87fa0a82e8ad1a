using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// The local cluster of <c>scripts/cluster.sh</c> (Redis, PostgreSQL, 2 silos, 2 gateways and
/// <see cref="Agents"/> agents of <see cref="GpusPerAgent"/> fake GPUs, each process on its own
/// loopback address), in a directory and an address range of its own so it never meets a
/// developer's <c>.cluster</c>. Tests kill and restart its processes by their recorded pids.
/// </summary>
public sealed class LocalCluster : IAsyncLifetime
{
    public const int Agents = 3;
    public const int GpusPerAgent = 2;
    public const double LostAfterSeconds = 8;

    /// <summary>The first address: 127.0.0.40 and up, away from the script's default 127.0.0.2.</summary>
    public const string BaseAddress = "127.0.0.40";

    public string Dir { get; } = Directory.CreateTempSubdirectory("platform-cluster-").FullName;

    public Uri Gateway1 { get; private set; } = null!;

    public Uri Gateway2 { get; private set; } = null!;

    public string AdminToken { get; private set; } = "";

    /// <summary>Admin clients of gateway 1 and gateway 2.</summary>
    public HttpClient Http1 { get; private set; } = null!;

    public HttpClient Http2 { get; private set; } = null!;

    /// <summary>The bearer token Prometheus presents to the silos' and gateways' <c>/metrics/prometheus</c>.</summary>
    public string ScrapeToken { get; private set; } = "";

    /// <summary>Each silo's own <c>/metrics/prometheus</c>.</summary>
    public IReadOnlyList<Uri> SiloMetrics { get; private set; } = [];

    public static IReadOnlyList<string> AgentNames => [.. Enumerable.Range(1, Agents).Select(i => $"agent-{i}")];

    /// <summary>The address of an agent's node, as its tasks are reached at.</summary>
    public static string AgentAddress(int index) => Address(5 + index);

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        // Tests need a node lost in seconds and failed tasks restarted at once.
        var extra = Path.Combine(Dir, "test.env");
        await File.WriteAllLinesAsync(extra, [
            $"Platform__Nodes__LostAfterSeconds={LostAfterSeconds.ToString(CultureInfo.InvariantCulture)}",
            "Platform__Worker__ReconcileIntervalMs=500",
            "Platform__Jobs__RestartBackoff__Initial=00:00:00",
        ]);
        await RunAsync("up", "--nodes", Agents.ToString(CultureInfo.InvariantCulture), "--gpus-per-node", GpusPerAgent.ToString(CultureInfo.InvariantCulture),
            "--base-address", BaseAddress, "--no-build", "--env-file", extra);
        var env = ReadEnvironment(Path.Combine(Dir, "cluster.env"));
        Gateway1 = new Uri(env["PLATFORM_URL"]);
        Gateway2 = new Uri(env["PLATFORM_URL_2"]);
        AdminToken = (await File.ReadAllTextAsync(env["PLATFORM_TOKEN_FILE"])).Trim();
        ScrapeToken = (await File.ReadAllTextAsync(env["PLATFORM_SCRAPE_TOKEN_FILE"])).Trim();
        SiloMetrics = [.. env["PLATFORM_METRICS_URLS"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(url => new Uri(url))];
        Http1 = PlatformApi.Client(Gateway1, AdminToken);
        Http2 = PlatformApi.Client(Gateway2, AdminToken);
    }

    /// <summary>Runs <c>scripts/cluster.sh ARGS --dir DIR</c>; fails with its output when it fails.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Samples.RepositoryRoot(), "scripts", "cluster.sh"), .. args, "--dir", Dir])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output + await error;
        Assert.True(process.ExitCode == 0, $"cluster.sh {string.Join(' ', args)} exited {process.ExitCode}:\n{text}");
        return text;
    }

    /// <summary>SIGKILL to one process of the cluster by its recorded pid, as a crash; waits until it is gone.</summary>
    public async Task KillAsync(string name)
    {
        var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(Dir, "pids", $"{name}.pid"))).Trim(), CultureInfo.InvariantCulture);
        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Starts a stopped or killed process again with its recorded configuration.</summary>
    public Task StartAsync(string name) => RunAsync("start", name);

    /// <summary>A stop by SIGTERM (Redis and PostgreSQL shut down cleanly), waiting until it is gone.</summary>
    public Task StopAsync(string name) => RunAsync("stop", name);

    /// <summary>The tail of a process's output, for failure messages.</summary>
    public string LogOf(string name)
    {
        var path = Path.Combine(Dir, name, "out.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(60)) : $"({path} missing)";
    }

    /// <summary>Waits until every agent's node is Ready again (after a restart).</summary>
    public Task WaitForNodesAsync(HttpClient http) => Eventually.HoldsAsync(async () =>
    {
        foreach (var agent in AgentNames)
        {
            Assert.Equal("Ready", (await http.NodeAsync(agent))?.GetProperty("state").GetString());
        }
    }, TimeSpan.FromSeconds(60), "every agent's node to be Ready");

    public async Task DisposeAsync()
    {
        Http1?.Dispose();
        Http2?.Dispose();
        await RunAsync("down", "--purge");
    }

    private static string Address(int offset)
    {
        var parts = BaseAddress.Split('.');
        return $"{parts[0]}.{parts[1]}.{parts[2]}.{int.Parse(parts[3], CultureInfo.InvariantCulture) + offset}";
    }

    private static Dictionary<string, string> ReadEnvironment(string path) =>
        File.ReadLines(path).Select(line => line.Trim()).Where(line => line.StartsWith("export ", StringComparison.Ordinal))
            .Select(line => line["export ".Length..].Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('\''));
}
