using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Cli.Gateway;

/// <summary>The wire format of the public API: camelCase JSON, enums as strings.</summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };
}
