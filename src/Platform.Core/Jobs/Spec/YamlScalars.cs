using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Resolves a YAML scalar to a JSON value with the YAML 1.2 core schema: plain scalars may be
/// null, booleans or numbers; quoted, block and <c>!!str</c> scalars are always strings.
/// </summary>
internal static partial class YamlScalars
{
    private const string StrTag = "tag:yaml.org,2002:str";

    public static JsonNode? ToJson(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        if (!IsPlain(scalar))
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            // Numbers JSON can spell keep their text, so an env value of 1.10 stays "1.10".
            _ when JsonNumber().IsMatch(text) => JsonNode.Parse(text),
            _ when YamlNumber().IsMatch(text) && double.TryParse(
                text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
                => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }

    private static bool IsPlain(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value != StrTag);

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlNumber();
}
