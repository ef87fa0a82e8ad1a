using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Jobs.Spec;

/// <summary>How values are quoted back to the user in error messages.</summary>
internal static class SpecValues
{
    public static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"the string {Truncate(node.ToJsonString())}",
        JsonValueKind.Number => $"the number {Truncate(node.ToJsonString())}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    public static string Format(double number) => number.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// At most <see cref="SpecLimits.MaxQuotedLength"/> characters of a user's value, so an error
    /// about a huge value stays small.
    /// </summary>
    public static string Truncate(string text)
    {
        if (text.Length <= SpecLimits.MaxQuotedLength)
        {
            return text;
        }

        // Never cut a surrogate pair in two: half of one is not text.
        var length = char.IsHighSurrogate(text[SpecLimits.MaxQuotedLength - 1]) ? SpecLimits.MaxQuotedLength - 1 : SpecLimits.MaxQuotedLength;
        return $"{text[..length]}… ({text.Length} characters)";
    }

    /// <summary>At most <paramref name="length"/> characters: the start and the end of <paramref name="text"/> around an ellipsis.</summary>
    public static string Shorten(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var half = (length - 1) / 2;
        return $"{text[..half]}…{text[^half..]}";
    }
}
