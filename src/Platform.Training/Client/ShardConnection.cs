using System.Net.Http;
using Grpc.Core;
using Grpc.Net.Client;
using Platform.Training.Protocol;

namespace Platform.Training.Client;

/// <summary>
/// The channel to one parameter server, with the retry every call needs: a server that does not answer
/// (not started yet, restarting) is retried with backoff until a patience runs out. Retrying is safe for
/// every call: pushes are deduplicated by the server. Every call carries the job's secret, when the task has one.
/// </summary>
internal sealed class ShardConnection : IDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(1);
    private readonly GrpcChannel _channel;
    private readonly Action<string> _log;
    private readonly Metadata? _headers;

    public ShardConnection(int index, string address, int maxMessageBytes, string? jobSecret, Action<string> log)
    {
        _headers = jobSecret is null ? null : new Metadata { { JobSecretHeader.Name, jobSecret } };
        Index = index;
        Address = address;
        _log = log;
        _channel = GrpcChannel.ForAddress($"http://{address}", new GrpcChannelOptions
        {
            MaxReceiveMessageSize = maxMessageBytes,
            MaxSendMessageSize = maxMessageBytes,
            HttpHandler = new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(5),
                PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
                KeepAlivePingDelay = TimeSpan.FromSeconds(20),
                KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
                EnableMultipleHttp2Connections = true,
                InitialHttp2StreamWindowSize = 4 << 20,
            },
        });
        Client = new ParameterShard.ParameterShardClient(_channel);
    }

    public int Index { get; }

    public string Address { get; }

    public string Name => $"ps-{Index}";

    public ParameterShard.ParameterShardClient Client { get; }

    public async Task<T> CallAsync<T>(string what, Func<ParameterShard.ParameterShardClient, CallOptions, AsyncUnaryCall<T>> call, TimeSpan patience, CancellationToken cancellationToken)
    {
        DateTime? failingSince = null;
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                var reply = await call(Client, new CallOptions(_headers, cancellationToken: cancellationToken));
                if (failingSince is not null)
                {
                    _log($"{Name} at {Address} answers");
                }

                return reply;
            }
            catch (RpcException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{what} to {Name} was cancelled.", exception, cancellationToken);
            }
            catch (RpcException exception) when (IsTransient(exception))
            {
                var now = DateTime.UtcNow;
                if (failingSince is null)
                {
                    _log($"waiting for {Name} at {Address} ({what}: {exception.StatusCode}, {exception.Status.Detail})");
                    failingSince = now;
                }
                else if (now - failingSince > patience)
                {
                    throw new TrainingException($"Parameter server {Name} at {Address} did not answer ({what}) for {patience.TotalSeconds:F0} s: {exception.Status.Detail}. Is the ps task running and listening on that port?", exception);
                }

                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Unauthenticated)
            {
                throw new TrainingException(
                    $"Parameter server {Name} at {Address} refused {what}: {exception.StatusCode}, {exception.Status.Detail}. " +
                    (_headers is null ? "This task has no PLATFORM_JOB_SECRET." : "This task's PLATFORM_JOB_SECRET is not the one of that server's job."),
                    exception);
            }
            catch (RpcException exception)
            {
                throw new TrainingException($"Parameter server {Name} at {Address} refused {what}: {exception.StatusCode}, {exception.Status.Detail}", exception);
            }
        }
    }

    public void Dispose() => _channel.Dispose();

    private static bool IsTransient(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.Cancelled or StatusCode.Aborted => true,
        StatusCode.Internal or StatusCode.Unknown => exception.Status.DebugException is IOException or HttpRequestException or HttpProtocolException,
        _ => false,
    };
}
