using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Turns a request body into the JSON object the spec is read from, or a <c>body</c> error. The
/// body's size is checked before anything is parsed, and the parsers stop at
/// <see cref="SpecLimits.MaxDepth"/> (and, for YAML, at the alias and node limits).
/// </summary>
internal static class SpecBody
{
    private const string Field = "body";

    /// <summary>The most characters of a parser's own message passed on: 300.</summary>
    private const int MaxParserMessageLength = 300;

    private static readonly string _tooLarge = $"The body is larger than {SpecLimits.MaxBodyBytes} bytes (1 MiB), the most a spec may be.";
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonDocumentOptions _jsonOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = SpecLimits.MaxDepth,
    };

    public static JsonObject? ReadJson(string body, List<SpecError> errors, string what = "the job spec")
    {
        if (TooLarge(body, errors))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Fail(errors, $"The body is empty; send {what} as a JSON object.");
        }

        try
        {
            return JsonNode.Parse(body, documentOptions: _jsonOptions) as JsonObject
                ?? Fail(errors, "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            // The reader quotes a bad literal whole, which can be the whole body.
            return Fail(errors, $"The body is not valid JSON: {SpecValues.Shorten(e.Message, MaxParserMessageLength)}");
        }
    }

    public static JsonObject? ReadYaml(string body, List<SpecError> errors)
    {
        if (TooLarge(body, errors))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return Fail(errors, "The body is empty; send the job spec as a YAML mapping.");
        }

        try
        {
            return YamlToJson.Read(body) as JsonObject ?? Fail(errors, "The body must be a YAML mapping.");
        }
        catch (YamlLimitException e)
        {
            return Fail(errors, $"{e.Message} (line {e.Start.Line}, column {e.Start.Column}); see docs/api.md, \"Limits\".");
        }
        catch (YamlException e)
        {
            return Fail(errors, $"The body is not valid YAML: {e.Message} (line {e.Start.Line}, column {e.Start.Column})");
        }
        catch (InvalidOperationException e) when (e.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true)
        {
            // YamlDotNet's scanner throws this on some malformed input (a "---" inside a flow mapping value).
            return Fail(errors, "The body is not valid YAML: the scanner could not read it.");
        }
    }

    /// <summary>
    /// Refuses a body past <see cref="SpecLimits.MaxBodyBytes"/> UTF-8 bytes, counted without
    /// encoding anything, and text that is not Unicode (a lone surrogate, which no HTTP body can
    /// carry but a caller of the parser could).
    /// </summary>
    private static bool TooLarge(string body, List<SpecError> errors)
    {
        if (body.Length > SpecLimits.MaxBodyBytes)
        {
            Fail(errors, _tooLarge);
            return true;
        }

        try
        {
            if (_strictUtf8.GetByteCount(body) <= SpecLimits.MaxBodyBytes)
            {
                return false;
            }

            Fail(errors, _tooLarge);
        }
        catch (EncoderFallbackException e)
        {
            Fail(errors, $"The body is not valid Unicode text: a lone surrogate at character {e.Index}.");
        }

        return true;
    }

    private static JsonObject? Fail(List<SpecError> errors, string message)
    {
        errors.Add(new SpecError(Field, message));
        return null;
    }
}
