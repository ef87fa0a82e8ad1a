using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Platform.E2E.Tests.Fuzz;

/// <summary>Writes a <see cref="FuzzNode"/> as JSON, or as block-style YAML with double-quoted strings.</summary>
internal static class FuzzWriter
{
    private static readonly JsonSerializerOptions _relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(FuzzNode node, bool asciiOnly)
    {
        var text = new StringBuilder();
        WriteJson(text, node, asciiOnly);
        return text.ToString();
    }

    public static string Yaml(FuzzNode node, bool asciiOnly)
    {
        var text = new StringBuilder();
        if (node is FuzzNode.Map or FuzzNode.Seq && !IsEmpty(node))
        {
            WriteYaml(text, node, 0, asciiOnly);
        }
        else
        {
            text.Append(Scalar(node, asciiOnly)).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteJson(StringBuilder text, FuzzNode node, bool asciiOnly)
    {
        switch (node)
        {
            case FuzzNode.Map map:
                text.Append('{');
                for (var i = 0; i < map.Fields.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",").Append(Quote(map.Fields[i].Key, asciiOnly)).Append(':');
                    WriteJson(text, map.Fields[i].Value, asciiOnly);
                }

                text.Append('}');
                break;
            case FuzzNode.Seq seq:
                text.Append('[');
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    text.Append(i == 0 ? "" : ",");
                    WriteJson(text, seq.Items[i], asciiOnly);
                }

                text.Append(']');
                break;
            case FuzzNode.Text value:
                text.Append(Quote(value.Value, asciiOnly));
                break;
            case FuzzNode.Raw raw:
                text.Append(raw.Json);
                break;
        }
    }

    private static void WriteYaml(StringBuilder text, FuzzNode node, int indent, bool asciiOnly)
    {
        var pad = new string(' ', indent);
        if (node is FuzzNode.Map map)
        {
            foreach (var (key, value) in map.Fields)
            {
                text.Append(pad).Append(Quote(key, asciiOnly)).Append(':');
                Child(text, value, indent, asciiOnly);
            }
        }
        else if (node is FuzzNode.Seq seq)
        {
            foreach (var item in seq.Items)
            {
                text.Append(pad).Append('-');
                Child(text, item, indent, asciiOnly);
            }
        }
    }

    private static void Child(StringBuilder text, FuzzNode value, int indent, bool asciiOnly)
    {
        if (value is FuzzNode.Map or FuzzNode.Seq && !IsEmpty(value))
        {
            text.Append('\n');
            WriteYaml(text, value, indent + 2, asciiOnly);
        }
        else
        {
            text.Append(' ').Append(Scalar(value, asciiOnly)).Append('\n');
        }
    }

    private static string Scalar(FuzzNode node, bool asciiOnly) => node switch
    {
        FuzzNode.Map => "{}",
        FuzzNode.Seq => "[]",
        FuzzNode.Text value => Quote(value.Value, asciiOnly),
        FuzzNode.Raw raw => raw.Yaml,
        _ => "~",
    };

    private static bool IsEmpty(FuzzNode node) => node switch
    {
        FuzzNode.Map map => map.Fields.Count == 0,
        FuzzNode.Seq seq => seq.Items.Count == 0,
        _ => false,
    };

    /// <summary>A JSON string literal, which is also a YAML double-quoted scalar.</summary>
    private static string Quote(string value, bool asciiOnly) =>
        JsonSerializer.Serialize(value, asciiOnly ? JsonSerializerOptions.Default : _relaxed);
}
