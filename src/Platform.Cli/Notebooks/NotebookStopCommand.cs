using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Notebooks;

/// <summary><c>platform notebook stop ID</c>.</summary>
public sealed class NotebookStopCommand(Terminal terminal) : AsyncCommand<NotebookStopCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The notebook's id.")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.SendAsync(HttpMethod.Delete, $"{NotebooksApi.Path}/{Uri.EscapeDataString(settings.Id)}", null, cancellationToken);
        if (answer.Status == HttpStatusCode.NotFound && !await NotebooksApi.IsAvailableAsync(client, cancellationToken))
        {
            terminal.WriteError(NotebooksApi.NotAvailable);
            return ExitCodes.Unavailable;
        }

        if (answer.Status == HttpStatusCode.NotFound)
        {
            terminal.WriteError($"No notebook '{settings.Id}' at {client.BaseAddress}.");
            return ExitCodes.Failure;
        }

        if (!answer.IsSuccess)
        {
            throw answer.Unexpected($"Stopping notebook {settings.Id}");
        }

        Console.Out.WriteLine($"notebook {settings.Id} stopping");
        return ExitCodes.Success;
    }
}
