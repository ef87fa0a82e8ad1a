using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cli.Gateway;
using Platform.Cli.Jobs.Following;

namespace Platform.Cli.Notebooks;

/// <summary>
/// A subscription to one notebook on the gateway's hub (<c>SubscribeNotebook</c>): each
/// <c>notebookUpdated</c> for it is written to a channel as it arrives.
/// </summary>
public sealed class NotebookHub : IAsyncDisposable
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly HubConnection _connection;
    private readonly string _notebookId;

    private NotebookHub(HubConnection connection, string notebookId)
    {
        _connection = connection;
        _notebookId = notebookId;
    }

    /// <summary>
    /// Subscribes, or answers null when the hub cannot be reached or refuses: the caller then reads
    /// the notebook over REST alone, which it does now and then anyway.
    /// </summary>
    public static async Task<NotebookHub?> TryConnectAsync(
        GatewayClient client, string notebookId, ChannelWriter<Notebook?> updates, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(client.BaseAddress, JobHub.Path), options =>
            {
                if (client.Token is { } token)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions = CliJson.Options)
            .WithAutomaticReconnect()
            .Build();
        connection.On<Notebook>("notebookUpdated", notebook =>
        {
            if (notebook.Id == notebookId)
            {
                updates.TryWrite(notebook);
            }
        });
        connection.Reconnected += async _ =>
        {
            try
            {
                await connection.InvokeAsync("SubscribeNotebook", notebookId);
            }
            catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException)
            {
                // The REST reads go on.
            }
        };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ConnectTimeout);
            await connection.StartAsync(timeout.Token);
            await connection.InvokeAsync("SubscribeNotebook", notebookId, timeout.Token);
            return new NotebookHub(connection, notebookId);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested &&
            exception is HttpRequestException or HubException or InvalidOperationException or IOException or OperationCanceledException)
        {
            await connection.DisposeAsync();
            return null;
        }
    }

    public ValueTask DisposeAsync() => HubSubscription.CloseAsync(_connection, "UnsubscribeNotebook", _notebookId);
}
