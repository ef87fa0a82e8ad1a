using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// The embedded platform as a real process (<c>dotnet Platform.Gateway.dll</c>) with its own data
/// directory, ports, node id and port range, so test classes never see each other's containers.
/// </summary>
public sealed class PlatformProcess : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly Dictionary<string, string> _settings;
    private ChildProcess? _process;

    /// <param name="fakeGpus">GPUs of the platform's own node; null runs no agent in the platform process.</param>
    public PlatformProcess(int? fakeGpus, string runtimes = "docker", IDictionary<string, string>? extra = null)
    {
        var (instance, portStart) = TestPorts.NextBlock();
        NodeId = fakeGpus is null ? "" : $"e2e-{Environment.ProcessId}-{instance}";
        DataDir = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
        _settings = new Dictionary<string, string>
        {
            ["Platform__DataDir"] = DataDir,
            ["Platform__Worker__Enabled"] = (fakeGpus is not null).ToString(),
            ["Platform__Worker__NodeId"] = NodeId,
            ["Platform__Worker__FakeGpuCount"] = fakeGpus?.ToString() ?? "",
            ["Platform__Worker__Runtimes"] = runtimes,
            ["Platform__Worker__Cpus"] = "16",
            ["Platform__Worker__MemoryMb"] = "16384",
            ["Platform__Worker__PortStart"] = portStart.ToString(),
            ["Platform__Worker__PortEnd"] = (portStart + TestPorts.BlockSize - 1).ToString(),
            ["Platform__Worker__ReconcileIntervalMs"] = "500",
            // Failed tasks restart at once unless a test asks for the back-off.
            ["Platform__Jobs__RestartBackoff__Initial"] = "00:00:00",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        ChoosePorts();
    }

    /// <summary>The node of the agent inside the platform process; empty when it runs none.</summary>
    public string NodeId { get; }

    /// <summary>The Orleans client port standalone agents connect to.</summary>
    public int GatewayPort { get; private set; }

    public string DataDir { get; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>An admin's client (the admin token of the first start) that sends <c>X-Platform-Client</c>, as the CLI does.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>The admin token the platform wrote to <c>{DataDir}/admin-token</c> at its first start.</summary>
    public string AdminToken { get; private set; } = "";

    public string AdminTokenPath => Path.Combine(DataDir, "admin-token");

    public string Output => _process?.Output ?? "";

    /// <summary>
    /// Starts the process and waits until its node has registered. A free port can be taken by
    /// someone else between choosing and binding it: then the platform starts again on new ones.
    /// </summary>
    public async Task StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartOnceAsync();
                return;
            }
            catch (GaveUpException) when (attempt < 3 && Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await _process!.DisposeAsync();
                ChoosePorts();
            }
        }
    }

    private void ChoosePorts()
    {
        BaseAddress = new Uri($"http://127.0.0.1:{TestPorts.Free()}");
        GatewayPort = TestPorts.Free();
        _settings["Urls"] = BaseAddress.ToString();
        _settings["Platform__SiloPort"] = TestPorts.Free().ToString();
        _settings["Platform__GatewayPort"] = GatewayPort.ToString();
        Http?.Dispose();
        Http = PlatformApi.Client(BaseAddress, bearer: null);
    }

    private async Task StartOnceAsync()
    {
        _process = ChildProcess.Start("Platform.Gateway", _settings);
        await Eventually.HoldsAsync(async () =>
        {
            if (_process.HasExited)
            {
                // Its last lines (the reason it stopped) may still be on their way through the pipe.
                await _process.WaitForExitAsync();
                throw new GaveUpException($"The platform exited at start:\n{Output}");
            }

            if (AdminToken.Length == 0)
            {
                Assert.True(File.Exists(AdminTokenPath), $"{AdminTokenPath} is not written yet");
                AdminToken = (await File.ReadAllTextAsync(AdminTokenPath)).Trim();
                Http.DefaultRequestHeaders.Authorization = new("Bearer", AdminToken);
            }

            var nodes = await Http.GetFromJsonAsync<JsonElement>("api/nodes");
            if (NodeId.Length > 0)
            {
                Assert.Contains(nodes.EnumerateArray(), node => node.GetProperty("id").GetString() == NodeId);
            }
        }, TimeSpan.FromSeconds(60), "the platform to start and register its node");
    }

    /// <summary>
    /// A client signed in with a new API token of <paramref name="user"/> (made by the admin), sending
    /// <c>X-Platform-Client</c> like <see cref="Http"/>.
    /// </summary>
    public async Task<UserClient> UserAsync(string user, string role, params string[] teams)
    {
        var response = await Http.PostAsJsonAsync("api/tokens", new { user, role, teams });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"making a token for {user} answered {(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement;
        return new UserClient(user, created.GetProperty("id").GetString()!, created.GetProperty("token").GetString()!, ClientWith(created.GetProperty("token").GetString()));
    }

    /// <summary>A client of this platform with <paramref name="bearer"/> (none when null), sending <c>X-Platform-Client</c>.</summary>
    public HttpClient ClientWith(string? bearer) => PlatformApi.Client(BaseAddress, bearer);

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crash.</summary>
    public Task KillAsync() => _process!.KillAsync();

    public Task<JsonElement> SubmitAsync(string spec, string contentType = "application/yaml") => Http.SubmitAsync(spec, contentType);

    public Task<JsonElement?> NodeAsync(string nodeId) => Http.NodeAsync(nodeId);

    public Task<JsonElement> GetJobAsync(string id) => Http.GetJobAsync(id);

    public Task<JsonElement> WaitForStateAsync(string id, string state, TimeSpan timeout) => Http.WaitForStateAsync(id, state, timeout);

    public Task<List<JsonElement>> LogsAsync(string id, string? task = null) => Http.LogsAsync(id, task);

    public Task<string> LogsTextAsync(string id) => Http.LogsTextAsync(id);

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Http.Dispose();
        if (NodeId.Length > 0)
        {
            await DockerEngine.RemoveNodeContainersAsync(NodeId);
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
