using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Platform.Training.Protocol;
using Platform.Training.Tests.Infrastructure;

namespace Platform.Training.Tests.Grpc;

/// <summary>
/// A real parameter server (Kestrel, gRPC) inside the test process, serving a job whose secret is
/// <see cref="Secret"/> unless told otherwise, and a raw protocol client to it that carries that secret.
/// </summary>
public sealed class InProcessParameterServer : IAsyncDisposable
{
    /// <summary>The job secret of the servers these tests start: clients of several servers share it, as a job's tasks do.</summary>
    public const string Secret = "in-process-test-job-secret";

    private readonly CancellationTokenSource _stop = new();
    private readonly GrpcChannel _channel;
    private readonly Task _serving;

    private InProcessParameterServer(int port, string? secret, bool allowWithoutJobSecret)
    {
        Address = $"127.0.0.1:{port}";
        var cluster = TrainingCluster.FromTfConfig($$$"""{"cluster":{"ps":["{{{Address}}}"],"worker":["127.0.0.1:1"]},"task":{"type":"ps","index":0}}""") with { JobSecret = secret };
        _serving = ParameterServer.RunAsync(cluster, new ParameterServerOptions { BindAddress = "127.0.0.1", AllowWithoutJobSecret = allowWithoutJobSecret, Log = Lines.Enqueue }, _stop.Token);
        _channel = GrpcChannel.ForAddress($"http://{Address}");
        Client = ClientWith(secret);
    }

    public string Address { get; }

    /// <summary>What the server logged.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Lines { get; } = new();

    internal ParameterShard.ParameterShardClient Client { get; }

    public Task Serving => _serving;

    public static Task<InProcessParameterServer> StartAsync() => StartAsync(Secret);

    /// <summary>Starts a server of a job with this secret (null: none, which only <paramref name="allowWithoutJobSecret"/> lets serve).</summary>
    public static async Task<InProcessParameterServer> StartAsync(string? secret, bool allowWithoutJobSecret = false)
    {
        var server = new InProcessParameterServer(TestPorts.Free(1)[0], secret, allowWithoutJobSecret);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            try
            {
                await server.Client.GetStatusAsync(new StatusRequest());
                return server;
            }
            catch (RpcException) when (DateTime.UtcNow < deadline && !server._serving.IsCompleted)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>A raw client whose every call carries <paramref name="secret"/> in the job-secret header, or no header when null.</summary>
    internal ParameterShard.ParameterShardClient ClientWith(string? secret) =>
        new(secret is null ? _channel.CreateCallInvoker() : _channel.Intercept(metadata =>
        {
            metadata.Add(JobSecretHeader.Name, secret);
            return metadata;
        }));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _channel.Dispose();
        _stop.Dispose();
    }
}
