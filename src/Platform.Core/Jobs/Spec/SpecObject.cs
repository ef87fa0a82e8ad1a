using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Reads the fields of one JSON object of a spec. Each problem is recorded against the field's
/// path and reading goes on, so all errors are found; fields never asked for are reported by
/// <see cref="RejectUnknownFields"/>. An absent field and a JSON null both mean "the default".
/// </summary>
internal sealed class SpecObject(JsonObject json, string path, List<SpecError> errors)
{
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public IEnumerable<KeyValuePair<string, JsonNode?>> Fields => json;

    public int Count => json.Count;

    public string PathOf(string field) => path.Length == 0 ? field : $"{path}.{field}";

    public void Fail(string field, string message) => errors.Add(new SpecError(PathOf(SpecValues.Truncate(field)), message));

    public bool Has(string field) => json[field] is not null;

    public JsonNode? Get(string field)
    {
        _read.Add(field);
        return json[field];
    }

    public SpecObject? Object(string field) => Get(field) switch
    {
        null => null,
        JsonObject child => new SpecObject(child, PathOf(field), errors),
        var other => Mismatch<SpecObject>(field, other, "an object"),
    };

    /// <summary>An array of objects, one reader per item (<c>volumes[0]</c>); null when absent or not an array.</summary>
    public IReadOnlyList<SpecObject?>? ObjectList(string field)
    {
        var node = Get(field);
        if (node is not JsonArray array)
        {
            return node is null ? null : Mismatch<IReadOnlyList<SpecObject?>>(field, node, "an array of objects");
        }

        return [.. array.Select((item, i) => item is JsonObject child
            ? new SpecObject(child, PathOf($"{field}[{i}]"), errors)
            : Invalid<SpecObject>($"{field}[{i}]", $"must be an object, got {(item is null ? "null" : SpecValues.Describe(item))}"))];
    }

    public string? String(string field, int maxLength = SpecLimits.MaxBodyBytes)
    {
        var node = Get(field);
        if (node is null || node.GetValueKind() != JsonValueKind.String)
        {
            return node is null ? null : Mismatch<string>(field, node, "a string");
        }

        var text = node.GetValue<string>();
        return text.Length switch
        {
            0 => Invalid<string>(field, "must not be empty; leave it out instead"),
            var length when length > maxLength => Invalid<string>(field, $"must be at most {maxLength} characters long, got {length}"),
            _ => text,
        };
    }

    /// <summary>
    /// A list of strings; numbers and booleans are taken as written (YAML's <c>[--epochs, 2]</c>).
    /// At most <paramref name="maxItems"/> items of <paramref name="maxBytes"/> UTF-8 bytes together,
    /// none holding NUL (an argument cannot).
    /// </summary>
    public IReadOnlyList<string>? StringList(string field, int maxItems, int maxBytes)
    {
        var node = Get(field);
        if (node is not JsonArray array)
        {
            return node is null ? null : Mismatch<IReadOnlyList<string>>(field, node, "an array of strings");
        }

        if (array.Count == 0)
        {
            return Invalid<IReadOnlyList<string>>(field, "must not be empty; leave it out to use the default");
        }

        if (array.Count > maxItems)
        {
            return Invalid<IReadOnlyList<string>>(field, $"must have at most {maxItems} items, got {array.Count}");
        }

        var items = array.Select((item, i) => Text($"{field}[{i}]", item)).ToArray();
        if (items.Any(i => i is null))
        {
            return null;
        }

        if (Array.FindIndex(items, i => i!.Contains('\0')) is var nul and >= 0)
        {
            return Invalid<IReadOnlyList<string>>($"{field}[{nul}]", "must not contain the NUL character");
        }

        var bytes = items.Sum(i => (long)System.Text.Encoding.UTF8.GetByteCount(i!));
        return bytes > maxBytes
            ? Invalid<IReadOnlyList<string>>(field, $"must be at most {maxBytes} bytes long (UTF-8, all items together), got {bytes}")
            : items.OfType<string>().ToArray();
    }

    /// <summary>A string value; numbers and booleans are taken as written.</summary>
    public string? Text(string field, JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.String => node.GetValue<string>(),
        JsonValueKind.Number => node.ToJsonString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        null => Invalid<string>(field, "must be a string; write \"\" for an empty value"),
        _ => Mismatch<string>(field, node, "a string"),
    };

    public string Choice(string field, string fallback, IReadOnlyList<string> allowed)
    {
        var value = String(field);
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return value ?? fallback;
        }

        return Invalid<string>(field, $"'{SpecValues.Truncate(value)}' is not one of: {string.Join(", ", allowed)}") ?? fallback;
    }

    public T Enum<T>(string field, T fallback)
        where T : struct, Enum
    {
        var names = System.Enum.GetNames<T>();
        var value = Choice(field, fallback.ToString(), names);
        return names.Contains(value, StringComparer.Ordinal) ? System.Enum.Parse<T>(value) : fallback;
    }

    public int Int(string field, int fallback, int min, int max) => (int?)Whole(field, min, max) ?? fallback;

    /// <summary>A whole number in range, or null when absent (or refused).</summary>
    public int? OptionalInt(string field, int min, int max) => (int?)Whole(field, min, max);

    public long? Long(string field, long min, long max) => Whole(field, min, max);

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>, fractions allowed.</summary>
    public double Range(string field, double fallback, double min, double max)
    {
        var number = Number(field, min, max);
        return number switch
        {
            null => fallback,
            var n when n < min => Invalid<double?>(field, $"must be at least {SpecValues.Format(min)}, got {SpecValues.Format(n.Value)}") ?? fallback,
            var n when n > max => Invalid<double?>(field, $"must be at most {SpecValues.Format(max)}, got {SpecValues.Format(n.Value)}") ?? fallback,
            var n => n.Value,
        };
    }

    /// <summary>
    /// The message for an unknown name; empty once <see cref="SpecLimits.MaxErrors"/> errors are
    /// found, as it would not be shown, so thousands of unknown names cost no guessing.
    /// </summary>
    public string Unknown(string kind, string name, IEnumerable<string> known) =>
        errors.Count >= SpecLimits.MaxErrors ? "" : FieldNames.Unknown(kind, name, known);

    public void RejectUnknownFields()
    {
        foreach (var (name, _) in json.Where(f => !_read.Contains(f.Key)))
        {
            Fail(name, Unknown("field", name, _read));
        }
    }

    private long? Whole(string field, long min, long max)
    {
        var number = Number(field, min, max);
        return number switch
        {
            null => null,
            var n when Math.Floor(n.Value) != n => Invalid<long?>(field, $"must be a whole number, got {SpecValues.Format(n.Value)}"),
            var n when n < min => Invalid<long?>(field, $"must be at least {min}, got {SpecValues.Format(n.Value)}"),
            var n when n > max => Invalid<long?>(field, $"must be at most {max}, got {SpecValues.Format(n.Value)}"),
            var n => (long)n.Value,
        };
    }

    private double? Number(string field, double min, double max)
    {
        var node = Get(field);
        if (node is null || node.GetValueKind() != JsonValueKind.Number)
        {
            return node is null ? null : Mismatch<double?>(field, node, "a number");
        }

        return node.AsValue().TryGetValue<double>(out var number) && double.IsFinite(number)
            ? number
            : Invalid<double?>(field, $"is out of range: it must be from {SpecValues.Format(min)} to {SpecValues.Format(max)}");
    }

    private T? Mismatch<T>(string field, JsonNode node, string expected) =>
        Invalid<T>(field, $"must be {expected}, got {SpecValues.Describe(node)}");

    private T? Invalid<T>(string field, string message)
    {
        Fail(field, message);
        return default;
    }
}
