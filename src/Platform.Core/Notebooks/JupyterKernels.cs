using System.Globalization;
using System.Text.Json;

namespace Platform.Core.Notebooks;

/// <summary>Reads Jupyter's <c>GET api/kernels</c> answer: <c>[{ id, name, last_activity, execution_state, connections }]</c>.</summary>
public static class JupyterKernels
{
    /// <summary>The kernels, or null when the answer is not such a list.</summary>
    public static IReadOnlyList<KernelActivity>? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return [.. document.RootElement.EnumerateArray().Where(kernel => kernel.ValueKind == JsonValueKind.Object).Select(Read)];
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static KernelActivity Read(JsonElement kernel) => new(
        kernel.TryGetProperty("execution_state", out var state) && state.ValueKind == JsonValueKind.String ? state.GetString()! : "unknown",
        kernel.TryGetProperty("last_activity", out var last) && last.ValueKind == JsonValueKind.String &&
        DateTimeOffset.TryParse(last.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : null);
}
