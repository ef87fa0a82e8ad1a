using System.Globalization;
using Platform.Cli.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Platform.Cli.Images;

/// <summary>
/// <c>platform image list</c>: the allowed framework images the nodes have, one row per image with
/// its framework, version, size, age and nodes; the allow-list goes to stderr.
/// </summary>
public sealed class ImageListCommand(Terminal terminal) : AsyncCommand<GatewaySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GatewaySettings settings, CancellationToken cancellationToken)
    {
        using var client = settings.CreateClient();
        var catalog = await client.GetAsync<ImageCatalog>("api/images", "Listing images", cancellationToken);
        terminal.Error.WriteLine($"Allowed: {string.Join(", ", catalog.Allowed)}");
        if (catalog.Images.Count == 0)
        {
            terminal.Error.WriteLine("No node has an allowed framework image.");
            return ExitCodes.Success;
        }

        var now = DateTimeOffset.UtcNow;
        var table = terminal.Table("IMAGE", "FRAMEWORK", "VERSION", "SIZE MB", "AGE", "NODES");
        foreach (var image in catalog.Images)
        {
            table.AddRow(Cells.Of(image.Image, image.Framework, image.FrameworkVersion,
                image.SizeMb.ToString("0", CultureInfo.InvariantCulture), Age.Format(now - image.Created),
                string.Join(',', image.Nodes)));
        }

        terminal.Out.Write(table);
        return ExitCodes.Success;
    }
}
