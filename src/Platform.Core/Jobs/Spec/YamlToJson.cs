using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Converts a YAML representation tree into a JSON tree, so YAML specs go through the same reader
/// as JSON ones. Aliases are expanded; the limits stop a recursive alias or an alias bomb.
/// </summary>
internal sealed class YamlToJson
{
    private const int MaxDepth = 64;
    private const int MaxNodes = 100_000;

    private int _nodes;

    public static JsonNode? Convert(YamlNode root) => new YamlToJson().ConvertNode(root, 0);

    private JsonNode? ConvertNode(YamlNode node, int depth)
    {
        if (depth > MaxDepth || ++_nodes > MaxNodes)
        {
            throw new YamlException(node.Start, node.End, "The document is nested too deeply or is too large (a recursive alias?).");
        }

        return node switch
        {
            YamlScalarNode scalar => YamlScalars.ToJson(scalar),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(c => ConvertNode(c, depth + 1))]),
            YamlMappingNode mapping => ConvertMapping(mapping, depth),
            _ => throw new YamlException(node.Start, node.End, $"Unsupported YAML node: {node.NodeType}."),
        };
    }

    private JsonObject ConvertMapping(YamlMappingNode mapping, int depth)
    {
        var json = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                throw new YamlException(key.Start, key.End, "Mapping keys must be plain names.");
            }

            if (!json.TryAdd(name, ConvertNode(value, depth + 1)))
            {
                throw new YamlException(key.Start, key.End, $"Duplicate key {name}.");
            }
        }

        return json;
    }
}
