using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.E2E.Tests.Infrastructure.Cluster;

/// <summary>
/// A cluster of real processes as on separate machines: silos, one gateway and one agent
/// (<c>Platform:Mode=cluster</c>), each on its own 127.0.x.y address, with the test CA's
/// certificates and a Redis with a password. Silos can be killed (SIGKILL) and started again with
/// the same settings.
/// </summary>
public sealed class ClusterProcesses : IAsyncDisposable
{
    private static int _clusters;

    private readonly Dictionary<string, string> _common;
    private readonly Dictionary<string, Dictionary<string, string>> _settings = [];
    private readonly Dictionary<string, ChildProcess> _processes = [];
    private readonly string _root;
    private readonly string _network;
    private readonly string? _postgres;

    /// <param name="redis">The cluster's Redis.</param>
    /// <param name="pki">The test CA and its certificates.</param>
    /// <param name="postgres">The silos' PostgreSQL database (an Npgsql connection string); none for tests of a silo that refuses to start.</param>
    /// <param name="sslHost">The name on Redis's TLS certificate when it speaks TLS.</param>
    public ClusterProcesses(RedisServer redis, ClusterPki pki, string? postgres = null, string? sslHost = null)
    {
        _postgres = postgres;
        Pki = pki;
        _root = Directory.CreateTempSubdirectory("platform-cluster-").FullName;
        // A /24 of loopback per test cluster, away from scripts/cluster.sh's 127.0.0.x.
        var cluster = Interlocked.Increment(ref _clusters);
        _network = $"127.{100 + (Environment.ProcessId % 100)}.{1 + (cluster % 250)}";
        AgentNodeId = $"e2e-{Environment.ProcessId}-cluster-{cluster}";
        _common = new Dictionary<string, string>
        {
            ["Platform__Mode"] = "cluster",
            ["Platform__Cluster__ClusterId"] = $"e2e-{Environment.ProcessId}-{cluster}",
            ["Platform__Cluster__Redis"] = redis.ConnectionString(sslHost: sslHost),
            ["Platform__Cluster__RedisCaCertificatePath"] = redis.Tls ? pki.AuthorityPath : "",
            ["Platform__Tls__CaCertificatePath"] = pki.AuthorityPath,
        };
    }

    public ClusterPki Pki { get; }

    public string AgentNodeId { get; }

    public string AgentAddress => $"{_network}.20";

    /// <summary>Gateway 1's address, the one <see cref="Http"/> talks to.</summary>
    public Uri GatewayAddress => GatewayAddresses[0];

    public List<Uri> GatewayAddresses { get; } = [];

    /// <summary>An admin's client of the gateway (the token silo 1 wrote), sending <c>X-Platform-Client</c>.</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Output(string name) => _processes.TryGetValue(name, out var process) ? process.Output : "";

    public string DataDir(string name) => Path.Combine(_root, name);

    /// <summary>The settings of silo <paramref name="index"/> (1, 2, …), for tests that start one otherwise.</summary>
    public Dictionary<string, string> SiloSettings(int index) => With(new()
    {
        ["Platform__DataDir"] = DataDir($"silo-{index}"),
        ["Platform__Silo__Address"] = $"{_network}.{1 + index}",
        ["Platform__SiloPort"] = TestPorts.Free().ToString(),
        ["Platform__GatewayPort"] = TestPorts.Free().ToString(),
        ["Platform__Tls__CertificatePath"] = Pki.SiloCertificatePath,
        ["Platform__Cluster__Postgres"] = _postgres ?? "",
    });

    /// <summary>The silos, the gateways and the agent; returns once the agent's node is Ready through gateway 1.</summary>
    public async Task StartAsync(int silos = 2, int gateways = 1)
    {
        for (var index = 1; index <= silos; index++)
        {
            _settings[$"silo-{index}"] = SiloSettings(index);
            await StartAsync($"silo-{index}");
        }

        Http.DefaultRequestHeaders.Add("X-Platform-Client", "e2e");
        Http.DefaultRequestHeaders.Authorization = new("Bearer", (await File.ReadAllTextAsync(Path.Combine(DataDir("silo-1"), "admin-token"))).Trim());
        GatewayAddresses.AddRange(Enumerable.Range(1, gateways).Select(index => new Uri($"http://{_network}.{9 + index}:{TestPorts.Free()}")));
        Http.BaseAddress = GatewayAddress;
        for (var index = 1; index <= gateways; index++)
        {
            Directory.CreateDirectory(DataDir($"gateway-{index}"));
            _settings[$"gateway-{index}"] = With(new()
            {
                ["Urls"] = GatewayAddresses[index - 1].ToString(),
                ["Platform__DataDir"] = DataDir($"gateway-{index}"),
                // As on separate machines: Data Protection's default key folder (~/.aspnet) is not shared.
                ["HOME"] = DataDir($"gateway-{index}"),
                ["Platform__Tls__CertificatePath"] = Pki.AgentCertificatePath,
            });
            await StartAsync($"gateway-{index}");
        }

        var (_, portStart) = TestPorts.NextBlock();
        _settings["agent"] = With(new()
        {
            ["Platform__DataDir"] = DataDir("agent"),
            ["Platform__Tls__CertificatePath"] = Pki.AgentCertificatePath,
            ["Platform__Worker__NodeId"] = AgentNodeId,
            ["Platform__Worker__Address"] = AgentAddress,
            ["Platform__Worker__FakeGpuCount"] = "2",
            ["Platform__Worker__Runtimes"] = "process",
            ["Platform__Worker__Cpus"] = "16",
            ["Platform__Worker__MemoryMb"] = "16384",
            ["Platform__Worker__PortStart"] = portStart.ToString(),
            ["Platform__Worker__PortEnd"] = (portStart + TestPorts.BlockSize - 1).ToString(),
            ["Platform__Worker__ReconcileIntervalMs"] = "500",
        });
        await StartAsync("agent");
    }

    /// <summary>Starts the process <paramref name="name"/> (again) with its settings and waits until it serves.</summary>
    public async Task StartAsync(string name)
    {
        var project = name.StartsWith("silo", StringComparison.Ordinal) ? "Platform.Silo"
            : name.StartsWith("gateway", StringComparison.Ordinal) ? "Platform.Gateway" : "Platform.Worker";
        var process = ChildProcess.Start(project, _settings[name]);
        _processes[name] = process;
        await Eventually.HoldsAsync(async () =>
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                throw new GaveUpException($"{name} exited at start:\n{process.Output}");
            }

            if (project == "Platform.Silo")
            {
                Assert.Contains("Orleans Silo started", process.Output, StringComparison.Ordinal);
            }
            else if (project == "Platform.Gateway")
            {
                var address = new Uri(_settings[name]["Urls"]);
                (await Http.GetAsync(new Uri(address, "api/nodes"))).EnsureSuccessStatusCode();
            }
            else
            {
                Assert.Equal("Ready", (await NodeAsync(AgentNodeId))?.GetProperty("state").GetString());
            }
        }, TimeSpan.FromSeconds(90), $"{name} to start");
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crash.</summary>
    public Task KillAsync(string name) => _processes[name].KillAsync();

    public Task<JsonElement?> NodeAsync(string nodeId) => Http.NodeAsync(nodeId);

    public async Task<string> SubmitAsync(string spec) => JobJson.Id(await Http.SubmitAsync(spec));

    /// <summary>Polls the job through the gateway until it is <paramref name="state"/>; fails early if it ends otherwise.</summary>
    public Task<JsonElement> WaitForStateAsync(string id, string state, TimeSpan timeout) => Http.WaitForStateAsync(id, state, timeout);

    public async Task<List<string>> LogTextsAsync(string id)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/logs?after=0&limit=10000");
        return [.. page.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("text").GetString()!)];
    }

    public async ValueTask DisposeAsync()
    {
        // Clients first, so no agent outlives the silos and reconnects in a loop meanwhile.
        foreach (var name in _processes.Keys.OrderBy(name => name.StartsWith("silo", StringComparison.Ordinal)))
        {
            await _processes[name].DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string> With(Dictionary<string, string> own)
    {
        foreach (var (key, value) in _common)
        {
            own.TryAdd(key, value);
        }

        return own;
    }
}
