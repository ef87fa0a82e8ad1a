using System.Text.Json;

namespace Platform.Core.Metrics;

/// <summary>
/// Reads the metric lines tasks print (API.md, "Metrics from tasks"): <c>@metric {"step": 12, "loss": 0.41}</c>,
/// a JSON object of numbers; <c>step</c> is optional, every other field is a value of its own series.
/// Anything else is not a metric line.
/// </summary>
public static class MetricLine
{
    private const string Prefix = "@metric ";
    private const string StepField = "step";

    public static bool TryParse(string text, out long? step, out IReadOnlyList<(string Name, double Value)> values)
    {
        step = null;
        values = [];
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(Prefix.Length));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var found = new List<(string, double)>();
            foreach (var field in document.RootElement.EnumerateObject())
            {
                if (field.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(field.Value.GetDouble()))
                {
                    return false;
                }

                if (field.Name == StepField)
                {
                    if (!field.Value.TryGetInt64(out var whole))
                    {
                        return false;
                    }

                    step = whole;
                }
                else
                {
                    found.Add((field.Name, field.Value.GetDouble()));
                }
            }

            values = found;
            return found.Count > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
