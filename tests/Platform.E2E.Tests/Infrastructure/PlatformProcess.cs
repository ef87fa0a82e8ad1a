using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
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

    private static int _instances;
    private readonly Dictionary<string, string> _settings;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public PlatformProcess(int fakeGpus, string runtimes = "docker", IDictionary<string, string>? extra = null)
    {
        var instance = Interlocked.Increment(ref _instances);
        NodeId = $"e2e-{Environment.ProcessId}-{instance}";
        DataDir = Directory.CreateTempSubdirectory("platform-e2e-").FullName;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var portStart = 42000 + (Environment.ProcessId % 50 * 200) + (instance * 20);
        _settings = new Dictionary<string, string>
        {
            ["Urls"] = BaseAddress.ToString(),
            ["Platform__DataDir"] = DataDir,
            ["Platform__SiloPort"] = FreePort().ToString(),
            ["Platform__GatewayPort"] = FreePort().ToString(),
            ["Platform__Worker__NodeId"] = NodeId,
            ["Platform__Worker__FakeGpuCount"] = fakeGpus.ToString(),
            ["Platform__Worker__Runtimes"] = runtimes,
            ["Platform__Worker__Cpus"] = "16",
            ["Platform__Worker__MemoryMb"] = "16384",
            ["Platform__Worker__PortStart"] = portStart.ToString(),
            ["Platform__Worker__PortEnd"] = (portStart + 19).ToString(),
            ["Platform__Worker__ReconcileIntervalMs"] = "500",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }

        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string NodeId { get; }

    public string DataDir { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the process and waits until its node has registered.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", [GatewayDll()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(GatewayDll())!,
        };
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await Eventually.HoldsAsync(async () =>
        {
            Assert.False(_process.HasExited, $"The platform exited at start:\n{Output}");
            var nodes = await Http.GetFromJsonAsync<JsonElement>("api/nodes");
            Assert.Contains(nodes.EnumerateArray(), node => node.GetProperty("id").GetString() == NodeId);
        }, TimeSpan.FromSeconds(60), "the platform to start and register its node");
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, like a crash.</summary>
    public async Task KillAsync()
    {
        _process!.Kill();
        await _process.WaitForExitAsync();
    }

    public async Task<JsonElement> SubmitAsync(string spec, string contentType = "application/yaml")
    {
        var response = await Http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, contentType));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"submit answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> GetJobAsync(string id) => await Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");

    /// <summary>Polls the job until it reaches <paramref name="state"/>; fails early if it finishes otherwise.</summary>
    public async Task<JsonElement> WaitForStateAsync(string id, string state, TimeSpan timeout)
    {
        JsonElement job = default;
        await Eventually.HoldsAsync(async () =>
        {
            job = await GetJobAsync(id);
            var current = job.GetProperty("state").GetString();
            if (current != state && current is "Succeeded" or "Failed" or "Cancelled")
            {
                throw new GaveUpException($"Job {id} ended {current} ({job.GetProperty("reason")}) instead of {state}:\n{job}\n{await LogsTextAsync(id)}");
            }

            Assert.Equal(state, current);
        }, timeout, $"job {id} to be {state}");
        return job;
    }

    public async Task<List<JsonElement>> LogsAsync(string id, string? task = null)
    {
        var lines = new List<JsonElement>();
        long after = 0;
        while (true)
        {
            var page = await Http.GetFromJsonAsync<JsonElement>(
                $"api/jobs/{id}/logs?after={after}&limit=10000" + (task is null ? "" : $"&task={task}"));
            var batch = page.GetProperty("lines").EnumerateArray().ToList();
            if (batch.Count == 0)
            {
                return lines;
            }

            lines.AddRange(batch);
            after = page.GetProperty("next").GetInt64();
        }
    }

    public async Task<string> LogsTextAsync(string id) => string.Join('\n',
        (await LogsAsync(id)).Select(line => $"{line.GetProperty("task").GetString()}: {line.GetProperty("text").GetString()}"));

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        Http.Dispose();
        await DockerEngine.RemoveNodeContainersAsync(NodeId);
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static string GatewayDll()
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var root = new DirectoryInfo(testBin);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }

        var dll = Path.Combine(root!.FullName, "src", "Platform.Gateway", "bin", configuration, "net10.0", "Platform.Gateway.dll");
        Assert.True(File.Exists(dll), $"Build the gateway first (dotnet build Platform.sln): {dll} is missing.");
        return dll;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
