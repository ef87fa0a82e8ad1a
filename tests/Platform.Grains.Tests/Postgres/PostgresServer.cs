using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Collections.Concurrent;

namespace Platform.Tests.Postgres;

/// <summary>
/// A real PostgreSQL server of its own for tests: <c>initdb</c> in a temp directory, <c>postgres</c>
/// on 127.0.0.1 and a free port, a password role <see cref="User"/>, a fresh database per
/// <see cref="CreateDatabaseAsync"/>; stopped by its postmaster's pid. As root the server runs as the
/// <c>postgres</c> user (it refuses root). Self-contained (no project types, no Npgsql) so any test
/// project can link this file.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "platform";

    /// <summary>How long start, stop and psql may take on a slow, shared machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly string _bin;
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"platform-pg-{Guid.NewGuid():N}");
    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private readonly ConcurrentQueue<string> _serverOutput = new();
    private Process? _server;

    private PostgresServer(string bin) => _bin = bin;

    public int Port { get; } = FreePort();

    public string Password { get; } = Guid.NewGuid().ToString("N");

    private string DataDir => Path.Combine(_root, "data");

    /// <summary>Makes a cluster directory and starts the server on it.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer(FindBinaries());
        await server.InitAsync();
        await server.StartAsync();
        await server.PsqlAsync("postgres", $"CREATE ROLE {User} LOGIN CREATEDB PASSWORD '{server.Password}'");
        return server;
    }

    /// <summary>An Npgsql connection string for <paramref name="database"/> with the password role.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database};Pooling=true";

    /// <summary>A new empty database owned by <see cref="User"/>; answers its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await PsqlAsync("postgres", $"CREATE DATABASE {name} OWNER {User}");
        return name;
    }

    /// <summary>Runs a SQL file with psql as <see cref="User"/>, stopping at its first error.</summary>
    public Task RunFileAsync(string database, string path) =>
        RunAsync(Path.Combine(_bin, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", $"{Port}",
            "-U", User, "-d", database, "-f", Path.GetFullPath(path)], asServerUser: false, password: Password);

    /// <summary>Runs one SQL command as the superuser over the server's socket.</summary>
    public Task PsqlAsync(string database, string sql) =>
        RunAsync(Path.Combine(_bin, "psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", _root, "-p", $"{Port}",
            "-U", "postgres", "-d", database, "-c", sql], asServerUser: _asPostgresUser);

    /// <summary>Starts the server on its directory and port; returns once it accepts connections.</summary>
    public async Task StartAsync()
    {
        var start = StartInfo(Path.Combine(_bin, "postgres"),
            ["-D", DataDir, "-k", _root, "-h", "127.0.0.1", "-p", $"{Port}"], _asPostgresUser);
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, line) => Keep(line.Data);
        _server.ErrorDataReceived += (_, line) => Keep(line.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + Deadline;
        while (!await IsReadyAsync())
        {
            if (_server.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"PostgreSQL did not start on port {Port} within {Deadline.TotalSeconds:0} s (exited: {_server.HasExited}):\n{string.Join('\n', _serverOutput)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>A fast shutdown (SIGINT to the postmaster's pid): clients are disconnected, committed data kept.</summary>
    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        var pidFile = Path.Combine(DataDir, "postmaster.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
        {
            await RunAsync("kill", ["-INT", $"{pid}"], asServerUser: false);
        }

        using var cancel = new CancellationTokenSource(Deadline);
        await _server.WaitForExitAsync(cancel.Token);
        _server.Dispose();
        _server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_root, recursive: true);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _serverOutput.Enqueue(line);
        while (_serverOutput.Count > 50 && _serverOutput.TryDequeue(out _))
        {
        }
    }

    private async Task InitAsync()
    {
        Directory.CreateDirectory(_root);
        if (_asPostgresUser)
        {
            await RunAsync("chown", ["postgres:postgres", _root], asServerUser: false);
        }

        await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataDir, "-U", "postgres", "-E", "UTF8", "--locale=C",
            "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"], _asPostgresUser);
    }

    private async Task<bool> IsReadyAsync()
    {
        var ready = StartInfo(Path.Combine(_bin, "pg_isready"), ["-q", "-h", "127.0.0.1", "-p", $"{Port}"], asServerUser: false);
        using var process = Process.Start(ready)!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static async Task RunAsync(string file, string[] args, bool asServerUser, string? password = null)
    {
        var start = StartInfo(file, args, asServerUser);
        if (password is not null)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Deadline);
        await process.WaitForExitAsync(cancel.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {await error}{await output}");
        }
    }

    private static ProcessStartInfo StartInfo(string file, string[] args, bool asServerUser)
    {
        var start = new ProcessStartInfo(asServerUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerUser)
        {
            foreach (var arg in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static string FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(version => Path.Combine(version, "bin"))
                .Where(dir => File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres")))
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(Path.GetDirectoryName(dir)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries under {root}/<version>/bin: install postgresql (Debian package), e.g. apt-get install postgresql-15.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}
