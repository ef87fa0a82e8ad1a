using System.ComponentModel;
using System.Net;
using Platform.Cli.Gateway;
using Spectre.Console.Cli;

namespace Platform.Cli.Nodes;

/// <summary>Posts <c>api/nodes/ID/{action}</c> and prints the node's new state (admins).</summary>
public abstract class NodeStateCommand(Terminal terminal, string action, string doing) : AsyncCommand<NodeStateCommand.Settings>
{
    public sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The node's id, from `platform node list`.")]
        public string Id { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var answer = await client.SendAsync(HttpMethod.Post, $"api/nodes/{Uri.EscapeDataString(settings.Id)}/{action}", null, cancellationToken);
        switch (answer.Status)
        {
            case HttpStatusCode.Accepted:
                var node = answer.Read<Node>();
                var by = node.DrainedBy is { } drainer ? $" (drained by {drainer})" : "";
                Console.Out.WriteLine($"node {node.Id} {node.State}{by}");
                return ExitCodes.Success;
            case HttpStatusCode.NotFound:
                terminal.WriteError($"There is no node {settings.Id}; `platform node list` shows the nodes.");
                return ExitCodes.Failure;
            default:
                throw answer.Unexpected($"{doing} node {settings.Id}");
        }
    }
}
