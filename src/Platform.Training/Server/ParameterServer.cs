using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Training.Server;

namespace Platform.Training;

/// <summary>
/// Runs this process as one parameter server: a gRPC (HTTP/2 cleartext) service on the task's port that
/// holds one shard of the parameters and their optimizer state. It starts empty and is initialized by the
/// chief; it serves until the chief says training is over, SIGTERM, or <c>cancellationToken</c>. It answers
/// only calls that carry the job's secret (<see cref="TrainingCluster.JobSecret"/>), so tasks of other jobs
/// on the same host network cannot read or change the parameters.
/// </summary>
public static class ParameterServer
{
    /// <summary>Serves until shutdown. Returns normally on a shutdown requested by the chief or SIGTERM (exit 0).</summary>
    public static Task RunAsync(TrainingCluster cluster, CancellationToken cancellationToken) =>
        RunAsync(cluster, new ParameterServerOptions(), cancellationToken);

    /// <summary>Serves until shutdown with these options.</summary>
    /// <exception cref="TrainingException">
    /// The cluster gives no port to listen on, or no job secret (<c>PLATFORM_JOB_SECRET</c>) and
    /// <see cref="ParameterServerOptions.AllowWithoutJobSecret"/> is not set.
    /// </exception>
    public static async Task RunAsync(TrainingCluster cluster, ParameterServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(options);
        var port = cluster.Port ?? throw new TrainingException("The parameter server has no port: set PLATFORM_TASK_PORT or give this task an address in TF_CONFIG.");
        if (cluster.JobSecret is null && !options.AllowWithoutJobSecret)
        {
            throw new TrainingException(
                "PLATFORM_JOB_SECRET is not set: a parameter server serves only calls that carry its job's secret. " +
                "The platform sets it in every task of a job; outside the platform give every task of the job the same random value " +
                "(e.g. head -c 32 /dev/urandom | base64), or set ParameterServerOptions.AllowWithoutJobSecret for a local test.");
        }

        var write = options.Log ?? Console.WriteLine;
        var log = new ServerLog(line => write($"{cluster.TaskName}: {line}"));
        var shard = new ShardState(Guid.NewGuid().ToString("N"), log.Write);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.Http2.InitialConnectionWindowSize = 16 << 20;
            kestrel.Limits.Http2.InitialStreamWindowSize = 8 << 20;
            kestrel.Listen(BindAddress(options.BindAddress), port, listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = options.MaxMessageBytes;
            grpc.MaxSendMessageSize = options.MaxMessageBytes;
        });
        builder.Services.AddSingleton(shard);
        builder.Services.AddSingleton(log);

        await using var app = builder.Build();
        if (cluster.JobSecret is { } secret)
        {
            app.Use(new JobSecretGate(secret, log).InvokeAsync);
        }
        else
        {
            log.Write("serving WITHOUT a job secret (ParameterServerOptions.AllowWithoutJobSecret): any process that reaches the port can call it");
        }

        app.MapGrpcService<ParameterShardService>();
        await app.StartAsync(cancellationToken);
        log.Write($"serving on {options.BindAddress}:{port} (incarnation {shard.Incarnation}), waiting for the chief to initialize");
        await ((IHost)app).WaitForShutdownAsync(cancellationToken);
        log.Write("stopped");
    }

    private static IPAddress BindAddress(string address) =>
        address == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(address, out var parsed) ? parsed
        : throw new TrainingException($"ParameterServerOptions.BindAddress '{address}' is not an IP address.");
}
