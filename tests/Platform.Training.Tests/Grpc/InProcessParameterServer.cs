using Grpc.Core;
using Grpc.Net.Client;
using Platform.Training.Protocol;
using Platform.Training.Tests.Infrastructure;

namespace Platform.Training.Tests.Grpc;

/// <summary>A real parameter server (Kestrel, gRPC) inside the test process, and a raw protocol client to it.</summary>
public sealed class InProcessParameterServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly GrpcChannel _channel;
    private readonly Task _serving;

    private InProcessParameterServer(int port)
    {
        Address = $"127.0.0.1:{port}";
        var cluster = TrainingCluster.FromTfConfig($$$"""{"cluster":{"ps":["{{{Address}}}"],"worker":["127.0.0.1:1"]},"task":{"type":"ps","index":0}}""");
        _serving = ParameterServer.RunAsync(cluster, new ParameterServerOptions { BindAddress = "127.0.0.1", Log = _ => { } }, _stop.Token);
        _channel = GrpcChannel.ForAddress($"http://{Address}");
        Client = new ParameterShard.ParameterShardClient(_channel);
    }

    public string Address { get; }

    internal ParameterShard.ParameterShardClient Client { get; }

    public Task Serving => _serving;

    public static async Task<InProcessParameterServer> StartAsync()
    {
        var server = new InProcessParameterServer(TestPorts.Free(1)[0]);
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

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving;
        _channel.Dispose();
        _stop.Dispose();
    }
}
