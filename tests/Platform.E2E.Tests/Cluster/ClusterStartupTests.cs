using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Infrastructure.Cluster;
using Platform.Tests.Postgres;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// A silo of a cluster refuses to start on settings it cannot be safe or useful with (no TLS files,
/// no PostgreSQL, a wrong Redis password), saying which key to fix; and the whole cluster runs over
/// a Redis that speaks only TLS.
/// </summary>
[Trait("Category", "Redis")]
public sealed class ClusterStartupTests
{
    [Fact]
    public async Task Silo_without_tls_settings_refuses_to_start_naming_the_keys()
    {
        using var pki = new ClusterPki();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new ClusterProcesses(redis, pki);
        var settings = cluster.SiloSettings(1);
        settings.Remove("Platform__Tls__CertificatePath");
        settings.Remove("Platform__Tls__CaCertificatePath");

        var output = await ExitOutputAsync(settings);

        Assert.Contains("Platform:Tls:CertificatePath", output, StringComparison.Ordinal);
        Assert.Contains("Platform:Tls:CaCertificatePath", output, StringComparison.Ordinal);
        Assert.Contains("Platform:Cluster:Postgres", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans Silo started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Silo_with_a_wrong_redis_password_refuses_to_start_naming_the_key()
    {
        using var pki = new ClusterPki();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new ClusterProcesses(redis, pki);
        var settings = cluster.SiloSettings(1);
        settings["Platform__Cluster__Redis"] = redis.ConnectionString(password: "not-" + redis.Password);
        // Never opened: the silo stops at Redis, before anything connects to PostgreSQL.
        settings["Platform__Cluster__Postgres"] = "Host=127.0.0.1;Port=1;Username=none;Password=none;Database=none";

        var output = await ExitOutputAsync(settings);

        Assert.Contains("Platform:Cluster:Redis", output, StringComparison.Ordinal);
        Assert.Contains("password", output, StringComparison.Ordinal);
        Assert.DoesNotContain(redis.Password, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_in_cluster_mode_without_redis_or_tls_refuses_to_start_naming_the_keys_without_a_stack_trace()
    {
        var output = await ExitOutputAsync("Platform.Gateway", new Dictionary<string, string>
        {
            ["Platform__Mode"] = "cluster",
            ["Urls"] = $"http://127.0.0.1:{TestPorts.Free()}",
        });

        Assert.Contains("Platform:Cluster:Redis", output, StringComparison.Ordinal);
        Assert.Contains("Platform:Tls:CertificatePath", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cluster_runs_a_job_over_a_redis_that_speaks_only_tls()
    {
        using var pki = new ClusterPki();
        await using var redis = await RedisServer.StartAsync(pki.RedisTls);
        await using var postgres = await PostgresServer.StartNewAsync();
        await using var cluster = new ClusterProcesses(redis, pki, postgres.ConnectionString(await postgres.CreateDatabaseAsync()), sslHost: ClusterPki.RedisName);
        await cluster.StartAsync(silos: 1);

        var id = await cluster.SubmitAsync("""
            name: over-tls
            runtime: process
            command: ["sh", "-c", "echo done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
            """);

        await cluster.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(90));
    }

    private static Task<string> ExitOutputAsync(Dictionary<string, string> settings) => ExitOutputAsync("Platform.Silo", settings);

    private static async Task<string> ExitOutputAsync(string program, Dictionary<string, string> settings)
    {
        await using var process = ChildProcess.Start(program, settings);
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(process.HasExited, $"{program} still runs");
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60), $"{program} to refuse to start");
        await process.WaitForExitAsync();
        return process.Output;
    }
}
