using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Platform.Core.Security;
using Platform.E2E.Tests.Cli;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// The Orleans silo and client ports take only mutual TLS with a certificate of the platform's own
/// CA: a task on the host network that connects gets nowhere, and an agent with the platform's
/// agent certificate does.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OrleansPortTests(ControlPlaneFixture fixture) : IClassFixture<ControlPlaneFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    private string Pki => PkiDirectory.In(Platform.DataDir);

    [Fact]
    public async Task Client_with_the_agent_certificate_from_the_data_dir_calls_a_grain()
    {
        using var agent = PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null);

        var silos = await OrleansProbe.SilosAsync(Platform.GatewayPort, agent, PlatformCa());

        Assert.Equal(SiloStatus.Active, Assert.Single(silos).Value);
    }

    [Fact]
    public async Task Certificate_issued_with_the_cli_for_a_new_node_calls_a_grain()
    {
        var output = Path.Combine(Platform.DataDir, "gpu-7.pfx");
        var cli = new CliRunner(Platform);

        var issued = await cli.RunAsync("cert", "issue", "--pki", Pki, "--name", "gpu-7", "--out", output);
        var again = await cli.RunAsync("cert", "issue", "--pki", Pki, "--name", "gpu-7", "--out", output);
        var badName = await cli.RunAsync("cert", "issue", "--pki", Pki, "--name", "CN=evil", "--out", output + ".2");

        Assert.True(issued.ExitCode == 0, issued.ToString());
        Assert.Contains("issued CN=gpu-7 (agent)", issued.Stdout, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(output));
        Assert.True(again.ExitCode == 2 && again.Stderr.Contains("exists already", StringComparison.Ordinal), again.ToString());
        Assert.True(badName.ExitCode == 2 && badName.Stderr.Contains("--name", StringComparison.Ordinal), badName.ToString());
        using var node = PkiDirectory.LoadCertificate(output, null);
        var silos = await OrleansProbe.SilosAsync(Platform.GatewayPort, node, PlatformCa());
        Assert.Equal(SiloStatus.Active, Assert.Single(silos).Value);
    }

    [Fact]
    public async Task Platform_given_an_operators_CA_uses_it_and_warns_of_a_silo_certificate_near_its_end()
    {
        var files = Directory.CreateTempSubdirectory("platform-e2e-tls-").FullName;
        try
        {
            var issuedAt = DateTimeOffset.UtcNow - CertificateIssuer.NodeLifetime + TimeSpan.FromDays(10);
            using var ca = CertificateIssuer.CreateAuthority("operators", issuedAt);
            using var silo = CertificateIssuer.Issue(ca, "silo-1", CertificateRole.Silo, issuedAt);
            using var agent = CertificateIssuer.Issue(ca, "gpu-9", CertificateRole.Agent, DateTimeOffset.UtcNow);
            PkiDirectory.WritePfx(silo, Path.Combine(files, "silo.pfx"), "pfx-password");
            File.WriteAllText(Path.Combine(files, "ca.crt"), ca.ExportCertificatePem());
            await using var platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string>
            {
                ["Platform__Tls__CertificatePath"] = Path.Combine(files, "silo.pfx"),
                ["Platform__Tls__CertificatePassword"] = "pfx-password",
                ["Platform__Tls__CaCertificatePath"] = Path.Combine(files, "ca.crt"),
            });
            await platform.StartAsync();

            var silos = await OrleansProbe.SilosAsync(platform.GatewayPort, agent, X509CertificateLoader.LoadCertificate(ca.RawData));

            Assert.Equal(SiloStatus.Active, Assert.Single(silos).Value);
            Assert.False(Directory.Exists(PkiDirectory.In(platform.DataDir)), "no CA of its own is made when one is given");
            Assert.Contains("The silo certificate CN=silo-1 ends", platform.Output, StringComparison.Ordinal);
            await AssertRefusedAsync(OrleansProbe.SilosAsync(platform.GatewayPort,
                PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null), X509CertificateLoader.LoadCertificate(ca.RawData)));
        }
        finally
        {
            Directory.Delete(files, recursive: true);
        }
    }

    [Fact]
    public async Task Agent_without_a_certificate_stops_at_start_naming_the_setting()
    {
        await using var agent = ChildProcess.Start("Platform.Worker", new Dictionary<string, string>
        {
            ["Platform__GatewayPort"] = Platform.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform__Worker__NodeId"] = $"e2e-{Environment.ProcessId}-no-certificate",
            ["Platform__Worker__FakeGpuCount"] = "1",
        });

        await Eventually.HoldsAsync(() =>
        {
            Assert.True(agent.HasExited, "the agent still runs");
            return Task.CompletedTask;
        }, OrleansProbe.Bound, "the agent to stop");
        Assert.Contains("Platform:Tls:CertificatePath must name", agent.Output, StringComparison.Ordinal);
        Assert.Contains("Platform:Tls:CaCertificatePath must name", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"e2e-{Environment.ProcessId}-no-certificate", await Platform.Http.GetStringAsync("api/nodes"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Client_without_a_certificate_cannot_call_a_grain(bool speaksTls)
    {
        await AssertRefusedAsync(OrleansProbe.SilosAsync(Platform.GatewayPort, certificate: null, trustedCa: speaksTls ? PlatformCa() : null));
    }

    [Fact]
    public async Task Client_with_a_certificate_of_another_CA_cannot_call_a_grain()
    {
        var now = DateTimeOffset.UtcNow;
        using var stranger = CertificateIssuer.CreateAuthority("stranger", now);
        using var forged = CertificateIssuer.Issue(stranger, PkiDirectory.AgentName, CertificateRole.Silo, now);

        // It trusts the platform's CA, so only the platform's refusal can stop it.
        await AssertRefusedAsync(OrleansProbe.SilosAsync(Platform.GatewayPort, forged, PlatformCa()));

        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains("'CN=agent' does not chain to the platform's CA", Platform.Output, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "the platform to log the refusal");
    }

    [Fact]
    public async Task Agent_refuses_a_silo_of_another_CA()
    {
        using var agent = PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null);
        using var stranger = CertificateIssuer.CreateAuthority("stranger", DateTimeOffset.UtcNow);

        await AssertRefusedAsync(OrleansProbe.SilosAsync(Platform.GatewayPort, agent, stranger));
    }

    [Fact]
    public async Task Agent_certificate_does_not_open_the_silo_port()
    {
        using var agent = PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null);
        var siloPort = await SiloPortAsync();

        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", siloPort);
        using var tls = new SslStream(tcp.GetStream());
        await AssertDroppedAsync(async () =>
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = PkiDirectory.SiloName,
                ClientCertificates = [agent],
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
            });
            await tls.WriteAsync(Encoding.ASCII.GetBytes("agent on the silo port"));
            return await tls.ReadAsync(new byte[256]);
        });

        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains($"'CN=agent' does not carry the key usage {CertificateUsages.ServerAuth}", Platform.Output, StringComparison.Ordinal);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "the platform to log the refusal");
    }

    [Fact]
    public async Task Raw_bytes_on_either_port_get_the_connection_dropped()
    {
        foreach (var port in new[] { Platform.GatewayPort, await SiloPortAsync() })
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", port);
            var stream = tcp.GetStream();
            await AssertDroppedAsync(async () =>
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /grains HTTP/1.1\r\nHost: silo\r\n\r\n" + new string('x', 4096)));
                var buffer = new byte[256];
                int read;
                while ((read = await stream.ReadAsync(buffer)) > 0)
                {
                    // Whatever the server says first (a TLS alert), it must then close.
                }

                return read;
            });
        }
    }

    private X509Certificate2 PlatformCa() => PkiDirectory.LoadCaCertificate(Path.Combine(Pki, PkiDirectory.AuthorityCertificateFile));

    /// <summary>The silo port, as the cluster itself reports it to a trusted client.</summary>
    private async Task<int> SiloPortAsync()
    {
        using var agent = PkiDirectory.LoadCertificate(Path.Combine(Pki, PkiDirectory.AgentCertificateFile), null);
        var silos = await OrleansProbe.SilosAsync(Platform.GatewayPort, agent, PlatformCa());
        return Assert.Single(silos).Key.Endpoint.Port;
    }

    private static async Task AssertRefusedAsync(Task attempt)
    {
        var clock = Stopwatch.StartNew();
        var finished = await Task.WhenAny(attempt, Task.Delay(OrleansProbe.Bound + TimeSpan.FromSeconds(30)));

        Assert.True(finished == attempt, $"The client was still trying after {clock.Elapsed.TotalSeconds:F0} s instead of failing.");
        var error = await Record.ExceptionAsync(() => attempt);
        Assert.True(error is not null and not OperationCanceledException,
            $"The client {(error is null ? "called the grain" : $"only gave up at the test's deadline ({error.GetType().Name})")}; it must be refused.");
        Assert.True(clock.Elapsed < OrleansProbe.Bound, $"Refused only after {clock.Elapsed.TotalSeconds:F0} s: {error}");
    }

    /// <summary>The server ends the connection: a read gives 0 bytes or the stream fails, within the bound.</summary>
    private static async Task AssertDroppedAsync(Func<Task<int>> exchange)
    {
        var attempt = exchange();
        var finished = await Task.WhenAny(attempt, Task.Delay(OrleansProbe.Bound));
        Assert.True(finished == attempt, $"The connection was still open after {OrleansProbe.Bound.TotalSeconds:F0} s.");
        var error = await Record.ExceptionAsync(async () => Assert.Equal(0, await attempt));
        Assert.True(error is null or IOException or AuthenticationException or SocketException,
            $"The connection was not dropped: {error}");
    }
}
