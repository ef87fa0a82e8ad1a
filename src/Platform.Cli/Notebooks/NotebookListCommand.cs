using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Notebooks;

/// <summary><c>platform notebook list</c>.</summary>
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
        var table = terminal.Table("ID", "STATE", "REASON", "NODE", "GPUS", "URL");
        foreach (var notebook in notebooks)
        {
            var url = notebook.Url is null ? "" : new Uri(client.BaseAddress, notebook.Url).ToString();
            table.AddRow(Cells.Of(notebook.Id, notebook.State, notebook.Reason ?? "", notebook.Node ?? "", string.Join(',', notebook.Gpus), url));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
