using Platform.Core.Security;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A node agent on its own (<c>dotnet Platform.Worker.dll</c>) joined to a platform process, with its
/// own node id, fake GPUs and task port range. It can be killed and started again.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly PlatformProcess _platform;
    private readonly Dictionary<string, string> _settings;
    private ChildProcess? _process;

    public WorkerProcess(PlatformProcess platform, string name, int fakeGpus, string runtimes = "docker,process")
    {
        _platform = platform;
        var (_, portStart) = TestPorts.NextBlock();
        NodeId = $"e2e-{Environment.ProcessId}-{name}";
        _settings = new Dictionary<string, string>
        {
            ["Platform__GatewayPort"] = platform.GatewayPort.ToString(),
            ["Platform__Worker__NodeId"] = NodeId,
            ["Platform__Worker__FakeGpuCount"] = fakeGpus.ToString(),
            ["Platform__Worker__Runtimes"] = runtimes,
            ["Platform__Worker__Cpus"] = "16",
            ["Platform__Worker__MemoryMb"] = "16384",
            ["Platform__Worker__PortStart"] = portStart.ToString(),
            ["Platform__Worker__PortEnd"] = (portStart + TestPorts.BlockSize - 1).ToString(),
            ["Platform__Worker__ReconcileIntervalMs"] = "500",
            // The certificate the platform made at first start for agents on its machine.
            ["Platform__Tls__CertificatePath"] = Path.Combine(PkiDirectory.In(platform.DataDir), PkiDirectory.AgentCertificateFile),
            ["Platform__Tls__CaCertificatePath"] = Path.Combine(PkiDirectory.In(platform.DataDir), PkiDirectory.AuthorityCertificateFile),
        };
    }

    public string NodeId { get; }

    public string Output => _process?.Output ?? "";

    /// <summary>Starts the agent and waits until its node is Ready.</summary>
    public async Task StartAsync()
    {
        _process = ChildProcess.Start("Platform.Worker", _settings);
        await Eventually.HoldsAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new GaveUpException($"The agent exited at start:\n{Output}");
            }

            Assert.Contains($"Node {NodeId} registered", Output, StringComparison.Ordinal);
            Assert.Equal("Ready", (await _platform.NodeAsync(NodeId))?.GetProperty("state").GetString());
        }, TimeSpan.FromSeconds(60), $"agent {NodeId} to register");
    }

    public Task KillAsync() => _process!.KillAsync();

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await DockerEngine.RemoveNodeContainersAsync(NodeId);
    }
}
