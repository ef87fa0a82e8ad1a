using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Notebooks;

/// <summary><c>platform notebook list</c>: every notebook with its state, GPUs, node, address and last activity.</summary>
public sealed class NotebookListCommand(Terminal terminal) : AsyncCommand<GatewaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GatewaySettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.GetAsync(NotebooksApi.Path, cancellationToken);
        if (NotebooksApi.IsMissing(answer))
        {
            terminal.WriteError(NotebooksApi.NotAvailable);
            return ExitCodes.Unavailable;
        }

        if (answer.Status == HttpStatusCode.MethodNotAllowed)
        {
            terminal.WriteError("this platform has notebooks but cannot list them (GET /api/notebooks is not offered)");
            return ExitCodes.Unavailable;
        }

        var notebooks = answer.IsSuccess ? answer.Read<Notebook[]>() : throw answer.Unexpected("Listing notebooks");
        if (notebooks.Length == 0)
        {
            terminal.Error.WriteLine("No notebooks.");
            return ExitCodes.Success;
        }

        var table = terminal.Table("ID", "STATE", "GPUS", "NODE", "URL", "LAST ACTIVITY", "REASON");
        var now = DateTimeOffset.UtcNow;
        foreach (var notebook in notebooks)
        {
            table.AddRow(Cells.Of(
                notebook.Id,
                notebook.State,
                string.Join(',', notebook.Gpus),
                notebook.Node ?? "",
                notebook.AddressAt(client.BaseAddress)?.ToString() ?? "",
                notebook.LastActivity is { } last ? $"{Age.Format(now - last)} ago" : "",
                notebook.Reason ?? ""));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
