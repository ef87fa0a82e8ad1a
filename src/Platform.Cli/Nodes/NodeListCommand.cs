using System.Globalization;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Nodes;

/// <summary>
/// <c>platform node list</c>: the GPU map, one row per GPU slot with the task holding it (a node
/// without GPUs has one row). Every row names its node, so <c>grep NODE</c> finds a node's GPUs.
/// </summary>
public sealed class NodeListCommand(Terminal terminal) : AsyncCommand<GatewaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GatewaySettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var nodes = await client.GetAsync<Node[]>("api/nodes", "Listing nodes", cancellationToken);
        if (nodes.Length == 0)
        {
            terminal.Error.WriteLine("No nodes.");
            return ExitCodes.Success;
        }

        var table = terminal.Table("NODE", "STATE", "HOST", "CPUS", "MEMORY MB", "GPU", "GPU ID", "HELD BY");
        foreach (var node in nodes)
        {
            string[] about = [node.State, node.Host, node.Cpus.ToString("0.##", CultureInfo.InvariantCulture), node.MemoryMb.ToString(CultureInfo.InvariantCulture)];
            if (node.Gpus.Count == 0)
            {
                table.AddRow(Cells.Of([node.Id, .. about, "", "", ""]));
            }

            foreach (var gpu in node.Gpus.OrderBy(gpu => gpu.Index))
            {
                table.AddRow(Cells.Of([node.Id, .. about, gpu.Index.ToString(CultureInfo.InvariantCulture), gpu.Id, gpu.HeldBy]));
            }
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
