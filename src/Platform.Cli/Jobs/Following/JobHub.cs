using System.Net;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cli.Gateway;

namespace Platform.Cli.Jobs.Following;

/// <summary>
/// A subscription to one job on the gateway's SignalR hub (<c>/hubs/jobs</c>): what the hub sends
/// about the job is written, in arrival order, to a channel. After a reconnect it subscribes again;
/// the hub then sends the history once more, which the <see cref="LogCursor"/> drops.
/// </summary>
public sealed class JobHub : IAsyncDisposable
{
    public const string Path = "hubs/jobs";

    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly HubConnection _connection;
    private readonly string _jobId;

    private JobHub(HubConnection connection, string jobId)
    {
        _connection = connection;
        _jobId = jobId;
    }

    public static async Task<JobHub> ConnectAsync(
        GatewayClient client, string jobId, ChannelWriter<FollowEvent> events, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseAddress, Path), options =>
            {
                if (client.Token is { } token)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions = CliJson.Options)
            .WithAutomaticReconnect()
            .Build();
        var hub = new JobHub(connection, jobId);
        hub.Route(events);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await connection.StartAsync(timeout.Token);
            await connection.InvokeAsync("SubscribeJob", jobId, timeout.Token);
            return hub;
        }
        catch (Exception exception) when (Explain(exception, client, jobId, cancellationToken) is { } explained)
        {
            await connection.DisposeAsync();
            throw explained;
        }
    }

    public ValueTask DisposeAsync() => HubSubscription.CloseAsync(_connection, "UnsubscribeJob", _jobId);

    private void Route(ChannelWriter<FollowEvent> events)
    {
        _connection.On<Job>("jobUpdated", job =>
        {
            if (job.Id == _jobId)
            {
                events.TryWrite(new JobChanged(job));
            }
        });
        _connection.On<string, LogLine[]>("logLines", (jobId, lines) =>
        {
            if (jobId == _jobId)
            {
                events.TryWrite(new LinesArrived(lines));
            }
        });
        _connection.On<string, JsonElement>("metricPoints", (_, _) => { });
        _connection.Reconnected += async _ =>
        {
            try
            {
                await _connection.InvokeAsync("SubscribeJob", _jobId);
                events.TryWrite(FollowEvent.Resync);
            }
            catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException)
            {
                events.TryWrite(new HubClosed(exception));
            }
        };
        _connection.Closed += error =>
        {
            events.TryWrite(new HubClosed(error));
            return Task.CompletedTask;
        };
    }

    private static GatewayException? Explain(Exception exception, GatewayClient client, string jobId, CancellationToken cancellationToken)
    {
        var hub = new Uri(client.BaseAddress, Path);
        return exception switch
        {
            HttpRequestException { StatusCode: HttpStatusCode.NotFound } => new GatewayException(
                $"The platform at {client.BaseAddress} has no live hub at /{Path} (it answered 404 Not Found), so job {jobId} cannot be followed. " +
                $"'platform job logs {jobId}' prints its logs so far.", HttpStatusCode.NotFound, inner: exception),
            HttpRequestException { StatusCode: { } status } => new GatewayException(
                $"The platform's hub at {hub} refused the connection: {(int)status} {status}.", status, inner: exception),
            HttpRequestException => client.Unreachable(exception),
            HubException => new GatewayException($"The hub at {hub} refused to follow job {jobId}: {exception.Message}", inner: exception),
            OperationCanceledException when !cancellationToken.IsCancellationRequested => new GatewayException(
                $"The hub at {hub} did not connect within {ConnectTimeout.TotalSeconds:F0} s.", inner: exception),
            _ => null,
        };
    }
}
