using System.Text.Json.Nodes;
using YamlDotNet.Core.Events;

namespace Platform.Core.Jobs.Spec;

/// <summary>A mapping or sequence of <see cref="YamlToJson"/> still open, and what it has counted since it opened.</summary>
internal sealed class YamlFrame(JsonNode container, string? anchor, int nodesBefore, long charsBefore, ParsingEvent start)
{
    public JsonNode Container { get; } = container;

    public string? Anchor { get; } = anchor;

    public int NodesBefore { get; } = nodesBefore;

    public long CharsBefore { get; } = charsBefore;

    public ParsingEvent Start { get; } = start;

    /// <summary>The height of the tallest child so far: 0 for scalars only.</summary>
    public int ChildHeight { get; set; }

    /// <summary>The key read for the next value of a mapping; null while a key is awaited.</summary>
    public string? Key { get; set; }

    public bool ExpectsKey => Container is JsonObject && Key is null;
}
