using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Cli.Gateway;

/// <summary>What the CLI's hub followers (jobs, notebooks) share when they let go of a subscription.</summary>
internal static class HubSubscription
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Unsubscribes (best effort, briefly) and closes the connection.</summary>
    public static async ValueTask CloseAsync(HubConnection connection, string unsubscribeMethod, string id)
    {
        if (connection.State == HubConnectionState.Connected)
        {
            using var timeout = new CancellationTokenSource(UnsubscribeTimeout);
            try
            {
                await connection.InvokeAsync(unsubscribeMethod, id, timeout.Token);
            }
            catch (Exception exception) when (exception is HubException or InvalidOperationException or OperationCanceledException or IOException)
            {
                // The connection is closed next anyway; the server forgets the subscription with it.
            }
        }

        await connection.DisposeAsync();
    }
}
