using System.Text.Json.Nodes;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// A completed anchored YAML node and what one use of its alias adds to the document: its nodes,
/// its scalar characters and its height (0 for a scalar), all counted with aliases expanded.
/// </summary>
internal sealed record YamlAnchor(JsonNode? Node, int Nodes, long Chars, int Height);
