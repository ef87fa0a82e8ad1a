using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Platform.E2E.Tests.Infrastructure.Cluster;

/// <summary>
/// A real <c>redis-server</c> in a temporary directory, as the cluster deployment runs it (append-only
/// file synced on every write, no snapshots), with a random password and optionally TLS only.
/// Stopped by its pid.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, string directory, int port, string password, bool tls)
    {
        _process = process;
        Directory = directory;
        Port = port;
        Password = password;
        Tls = tls;
    }

    public string Directory { get; }

    public int Port { get; }

    public string Password { get; }

    public bool Tls { get; }

    /// <summary>The <c>Platform:Cluster:Redis</c> value that reaches this server with its password.</summary>
    public string ConnectionString(string? password = null, string? sslHost = null) =>
        $"127.0.0.1:{Port},password={password ?? Password},abortConnect=false" + (Tls ? $",ssl=true,sslHost={sslHost}" : "");

    /// <param name="tls">The server's certificate and key (PEM) and the CA of its clients; null: plain TCP.</param>
    public static async Task<RedisServer> StartAsync((string Certificate, string Key, string Authority)? tls = null)
    {
        Assert.True(File.Exists(Binary), $"{Binary} is missing: install redis-server (apt-get install -y redis-server).");
        var directory = System.IO.Directory.CreateTempSubdirectory("platform-redis-").FullName;
        var port = TestPorts.Free();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var arguments = new List<string>
        {
            "--bind", "127.0.0.1", "--dir", directory, "--appendonly", "yes", "--appendfsync", "always",
            "--requirepass", password, "--save", "",
        };
        arguments.AddRange(tls is { } files
            ? ["--port", "0", "--tls-port", port.ToString(), "--tls-cert-file", files.Certificate, "--tls-key-file", files.Key,
               "--tls-ca-cert-file", files.Authority, "--tls-auth-clients", "no"]
            : ["--port", port.ToString()]);
        var start = new ProcessStartInfo(Binary, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var server = new RedisServer(Process.Start(start)!, directory, port, password, tls is not null);
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        await Eventually.HoldsAsync(async () =>
        {
            if (server._process.HasExited)
            {
                throw new GaveUpException($"redis-server exited at start with {server._process.ExitCode}: {string.Join(' ', arguments)}");
            }

            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
        }, TimeSpan.FromSeconds(30), $"redis-server to listen on {port}");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
