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
        var pid = PidOf(name) ?? throw new InvalidOperationException($"{name} has no recorded pid.\n{Explain()}");
        if (!Running(pid))
        {
            throw new InvalidOperationException($"{name} (pid {pid}) exited before the test killed it.\n{Explain()}");
        }

        using var process = Process.GetProcessById(pid);
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>Starts a stopped or killed process again with its recorded configuration.</summary>
    public Task StartAsync(string name) => RunAsync("start", name);

    /// <summary>A stop by SIGTERM (Redis and PostgreSQL shut down cleanly), waiting until it is gone.</summary>
    public Task StopAsync(string name) => RunAsync("stop", name);

    /// <summary>
    /// For failure messages: whether each silo, gateway and agent runs, and the end of its output
    /// (the gateway logs a 500's exception under its trace id; a silo that stopped says why).
    /// </summary>
    public string Explain() => string.Join('\n', ((string[])["silo-1", "silo-2", "gateway-1", "gateway-2", .. AgentNames]).Select(name =>
        $"--- {name}: {(PidOf(name) is { } pid && Running(pid) ? $"running (pid {pid})" : "not running")}; the end of its out.log:\n{LogOf(name, 40)}"));

    private string LogOf(string name, int lines)
    {
        var path = Path.Combine(Dir, name, "out.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : $"({path} missing)";
    }

    private int? PidOf(string name)
    {
        var path = Path.Combine(Dir, "pids", $"{name}.pid");
        return File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    /// <summary>Whether a pid is a live process, not a zombie (as <c>cluster.sh</c> checks it).</summary>
    private static bool Running(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Waits until every agent's node is Ready again (after a restart); on time-out says what each process last wrote.</summary>
    public async Task WaitForNodesAsync(HttpClient http)
    {
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                foreach (var agent in AgentNames)
                {
                    Assert.Equal("Ready", (await http.NodeAsync(agent))?.GetProperty("state").GetString());
                }
            }, TimeSpan.FromSeconds(60), "every agent's node to be Ready");
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"{exception.Message}\n{Explain()}", exception);
        }
    }

    /// <summary>Stops the cluster and deletes its directory; with <c>KEEP_CLUSTER=1</c> keeps the directory (logs, state) to read after a run.</summary>
    public async Task DisposeAsync()
    {
        Http1?.Dispose();
        Http2?.Dispose();
        if (Environment.GetEnvironmentVariable("KEEP_CLUSTER") == "1")
        {
            await RunAsync("down");
            Console.WriteLine($"KEEP_CLUSTER=1: the local cluster's directory is kept at {Dir}");
            return;
        }

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
