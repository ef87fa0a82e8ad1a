using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Jobs.Spec;

/// <summary>How values are quoted back to the user in error messages.</summary>
internal static class SpecValues
{
    public static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"the string {node.ToJsonString()}",
        JsonValueKind.Number => $"the number {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    public static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);
}
