using System.Threading.Channels;
using Platform.Cli.Gateway;
using Spectre.Console;

namespace Platform.Cli.Notebooks;

/// <summary>
/// Waits while a notebook is Pending or Starting, saying why (a spinner on a terminal, a line per
/// change otherwise), until it is Ready or has ended. The hub pushes each change; the notebook is
/// also read over REST every few seconds, so a missed push or a hub that cannot be reached only
/// delays the answer.
/// </summary>
public sealed class NotebookWaiter(GatewayClient client, Terminal terminal)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(2);

    /// <returns>The notebook once it is no longer waiting.</returns>
    public async Task<Notebook> WaitAsync(Notebook notebook, CancellationToken cancellationToken)
    {
        var updates = Channel.CreateUnbounded<Notebook?>(new UnboundedChannelOptions { SingleReader = true });
        await using var hub = await NotebookHub.TryConnectAsync(client, notebook.Id, updates.Writer, cancellationToken);
        using var stopChecking = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checking = CheckAsync(updates.Writer, stopChecking.Token);
        try
        {
            return terminal.IsInteractive
                ? await terminal.Out.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(Describe(notebook)),
                    status => FollowAsync(notebook, updates.Reader, changed => status.Status(Markup.Escape(Describe(changed))), cancellationToken))
                : await FollowAsync(notebook, updates.Reader, changed => Console.Out.WriteLine(Describe(changed)), cancellationToken, printFirst: true);
        }
        finally
        {
            await stopChecking.CancelAsync();
            await checking;
        }
    }

    /// <summary><c>notebook nb-1 Pending: no node has 2 free GPUs</c>.</summary>
    public static string Describe(Notebook notebook) => $"notebook {notebook.Id} {notebook.StateAndReason}";

    private async Task<Notebook> FollowAsync(
        Notebook notebook, ChannelReader<Notebook?> updates, Action<Notebook> changed, CancellationToken cancellationToken, bool printFirst = false)
    {
        var shown = Describe(notebook);
        if (printFirst)
        {
            changed(notebook);
        }

        while (NotebookStates.IsWaiting(notebook))
        {
            notebook = await updates.ReadAsync(cancellationToken) ?? await client.GetNotebookAsync(notebook.Id, cancellationToken);
            var text = Describe(notebook);
            if (text != shown && NotebookStates.IsWaiting(notebook))
            {
                changed(notebook);
            }

            shown = text;
        }

        return notebook;
    }

    private static async Task CheckAsync(ChannelWriter<Notebook?> updates, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                updates.TryWrite(null);
            }
        }
        catch (OperationCanceledException)
        {
            // The wait is over.
        }
    }
}
