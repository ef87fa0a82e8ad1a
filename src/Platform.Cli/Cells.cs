using Spectre.Console;
using Spectre.Console.Rendering;

namespace Platform.Cli;

/// <summary>Table cells from text the platform sent: never read as Spectre markup; an empty cell shows <c>-</c>.</summary>
public static class Cells
{
    public static IRenderable[] Of(params string[] texts) => [.. texts.Select(text => (IRenderable)new Text(text.Length == 0 ? "-" : text))];
}
