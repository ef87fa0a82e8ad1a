using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Builds a JSON tree from YAML parser events, so YAML specs go through the same reader as JSON
/// ones. No YAML document is built first: depth, nodes, alias uses and scalar text are counted
/// event by event, aliases expanded, and reading stops at the first event past a
/// <see cref="SpecLimits"/> bound. Nothing here recurses, whatever the input.
/// </summary>
internal sealed class YamlToJson
{
    private readonly IParser _parser;
    private readonly Stack<YamlFrame> _open = new();
    private readonly Dictionary<string, YamlAnchor> _anchors = new(StringComparer.Ordinal);
    private int _nodes;
    private int _aliases;
    private long _chars;
    private JsonNode? _root;
    private bool _done;

    private YamlToJson(string body) => _parser = new Parser(new StringReader(body));

    /// <summary>
    /// Reads the single document of <paramref name="body"/>; null for an empty body or a null root.
    /// Throws <see cref="YamlException"/> (or <see cref="YamlLimitException"/> past a limit).
    /// </summary>
    public static JsonNode? Read(string body) => new YamlToJson(body).ReadStream();

    private JsonNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out var end))
        {
            throw new YamlException(end.Start, end.End, "it holds no document, only comments or white space.");
        }

        _parser.Consume<DocumentStart>();
        while (!_done)
        {
            Read(_parser.Consume<ParsingEvent>());
        }

        _parser.Consume<DocumentEnd>();
        if (!_parser.TryConsume<StreamEnd>(out _))
        {
            var next = _parser.Current!;
            throw new YamlException(next.Start, next.End, "it holds several documents; send the job spec as one.");
        }

        return _root;
    }

    private void Read(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case Scalar scalar:
                ReadScalar(scalar);
                break;
            case AnchorAlias alias:
                ReadAlias(alias);
                break;
            case MappingStart mapping:
                Open(new JsonObject(), mapping.Anchor, mapping);
                break;
            case SequenceStart sequence:
                Open(new JsonArray(), sequence.Anchor, sequence);
                break;
            case MappingEnd or SequenceEnd:
                Close();
                break;
            default:
                throw new YamlException(parsingEvent.Start, parsingEvent.End, $"Unexpected YAML event: {parsingEvent.GetType().Name}.");
        }
    }

    private void ReadScalar(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        Count(scalar, nodes: 1, chars: text.Length);
        if (_open.TryPeek(out var parent) && parent.ExpectsKey)
        {
            parent.Key = text;
            Remember(scalar.Anchor, JsonValue.Create(text), 1, text.Length, 0);
            return;
        }

        var value = YamlScalars.ToJson(scalar);
        Remember(scalar.Anchor, value, 1, text.Length, 0);
        Add(value, height: 0, scalar);
    }

    private void ReadAlias(AnchorAlias alias)
    {
        if (++_aliases > SpecLimits.MaxYamlAliases)
        {
            throw Limit(alias, $"The body uses more than {SpecLimits.MaxYamlAliases} aliases");
        }

        if (!_anchors.TryGetValue(alias.Value.Value, out var anchor))
        {
            throw new YamlException(alias.Start, alias.End,
                $"The alias *{SpecValues.Truncate(alias.Value.Value)} names no anchor defined before it (or the node it is inside).");
        }

        if (_open.TryPeek(out var parent) && parent.ExpectsKey)
        {
            throw new YamlException(alias.Start, alias.End, "Mapping keys must be plain names.");
        }

        if (_open.Count + anchor.Height > SpecLimits.MaxDepth)
        {
            throw Limit(alias, $"The body nests deeper than {SpecLimits.MaxDepth} levels once aliases are expanded");
        }

        Count(alias, anchor.Nodes, anchor.Chars);
        Add(anchor.Node?.DeepClone(), anchor.Height, alias);
    }

    private void Open(JsonNode container, AnchorName anchor, ParsingEvent start)
    {
        if (_open.TryPeek(out var parent) && parent.ExpectsKey)
        {
            throw new YamlException(start.Start, start.End, "Mapping keys must be plain names.");
        }

        if (_open.Count >= SpecLimits.MaxDepth)
        {
            throw Limit(start, $"The body nests deeper than {SpecLimits.MaxDepth} levels");
        }

        Count(start, nodes: 1, chars: 0);
        _open.Push(new YamlFrame(container, anchor.IsEmpty ? null : anchor.Value, _nodes - 1, _chars, start));
    }

    private void Close()
    {
        var frame = _open.Pop();
        var height = frame.ChildHeight + 1;
        Remember(frame.Anchor, frame.Container, _nodes - frame.NodesBefore, _chars - frame.CharsBefore, height);
        Add(frame.Container, height, frame.Start);
    }

    private void Add(JsonNode? value, int height, ParsingEvent at)
    {
        if (!_open.TryPeek(out var parent))
        {
            _root = value;
            _done = true;
            return;
        }

        parent.ChildHeight = Math.Max(parent.ChildHeight, height);
        if (parent.Container is JsonArray array)
        {
            array.Add(value);
        }
        else if (!((JsonObject)parent.Container).TryAdd(parent.Key!, value))
        {
            throw new YamlException(at.Start, at.End, $"Duplicate key {SpecValues.Truncate(parent.Key!)}.");
        }
        else
        {
            parent.Key = null;
        }
    }

    private void Remember(string? name, JsonNode? node, int nodes, long chars, int height)
    {
        if (!string.IsNullOrEmpty(name))
        {
            _anchors[name] = new YamlAnchor(node, nodes, chars, height);
        }
    }

    private void Remember(AnchorName anchor, JsonNode? node, int nodes, long chars, int height) =>
        Remember(anchor.IsEmpty ? null : anchor.Value, node, nodes, chars, height);

    private void Count(ParsingEvent at, int nodes, long chars)
    {
        _nodes += nodes;
        _chars += chars;
        if (_nodes > SpecLimits.MaxYamlNodes)
        {
            throw Limit(at, $"The body holds more than {SpecLimits.MaxYamlNodes} YAML nodes once aliases are expanded");
        }

        if (_chars > SpecLimits.MaxYamlScalarChars)
        {
            throw Limit(at, $"The body holds more than {SpecLimits.MaxYamlScalarChars} characters of text once aliases are expanded");
        }
    }

    private static YamlLimitException Limit(ParsingEvent at, string message) => new(at.Start, at.End, message);
}
