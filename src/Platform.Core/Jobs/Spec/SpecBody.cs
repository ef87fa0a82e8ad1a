using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Platform.Core.Jobs.Spec;

/// <summary>Turns a request body into the JSON object the spec is read from, or a <c>body</c> error.</summary>
internal static class SpecBody
{
    private const string Field = "body";

    private static readonly JsonDocumentOptions _jsonOptions = new() { AllowDuplicateProperties = false };

    public static JsonObject? ReadJson(string body, List<SpecError> errors, string what = "the job spec")
    {
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
            return Fail(errors, $"The body is not valid JSON: {e.Message}");
        }
    }

    public static JsonObject? ReadYaml(string body, List<SpecError> errors)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return Fail(errors, "The body is empty; send the job spec as a YAML mapping.");
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            return stream.Documents.Count switch
            {
                0 => Fail(errors, "The body holds no YAML document."),
                1 => YamlToJson.Convert(stream.Documents[0].RootNode) as JsonObject
                    ?? Fail(errors, "The body must be a YAML mapping."),
                _ => Fail(errors, "The body must hold one YAML document, not several."),
            };
        }
        catch (YamlException e)
        {
            return Fail(errors, $"The body is not valid YAML: {e.Message} (line {e.Start.Line}, column {e.Start.Column})");
        }
    }

    private static JsonObject? Fail(List<SpecError> errors, string message)
    {
        errors.Add(new SpecError(Field, message));
        return null;
    }
}
