using System.Text;
using System.Text.Json;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Secrets;

/// <summary>
/// Reads <c>POST /api/teams/{team}/secrets</c>: <c>{name, value}</c>. The body's size is checked before it
/// is parsed; every error names its field and never quotes the value.
/// </summary>
public static class SecretRequestParser
{
    private const string NameField = "name";
    private const string ValueField = "value";

    public static (SecretRequest? Request, IReadOnlyList<SpecError> Errors) Parse(string body)
    {
        var errors = new List<SpecError>();
        if (body.Length > SecretLimits.MaxBodyBytes)
        {
            return (null, [new SpecError("body", $"The body is larger than {SecretLimits.MaxBodyBytes} bytes, the most a secret request may be.")]);
        }

        var root = SpecBody.ReadJson(body, errors, "the secret as {\"name\": ..., \"value\": ...}");
        if (root is null)
        {
            return (null, errors);
        }

        var fields = new SpecObject(root, "", errors);
        var name = ReadName(fields);
        var value = ReadValue(fields);
        fields.RejectUnknownFields();
        return errors.Count == 0 ? (new SecretRequest(name!, value!), errors) : (null, errors);
    }

    private static string? ReadName(SpecObject fields)
    {
        var name = fields.String(NameField, SecretLimits.MaxNameLength);
        if (name is null)
        {
            if (!fields.Has(NameField))
            {
                fields.Fail(NameField, $"is required: {SecretNames.Rule}");
            }

            return null;
        }

        if (!SecretNames.IsValid(name))
        {
            fields.Fail(NameField, $"'{SpecValues.Truncate(name)}' is not a secret name: {SecretNames.Rule}");
            return null;
        }

        return name;
    }

    private static string? ReadValue(SpecObject fields)
    {
        var node = fields.Get(ValueField);
        if (node is null)
        {
            fields.Fail(ValueField, "is required: the secret's text");
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            fields.Fail(ValueField, "must be a string");
            return null;
        }

        var value = node.GetValue<string>();
        var bytes = Encoding.UTF8.GetByteCount(value);
        var problem = bytes switch
        {
            0 => "must not be empty",
            > SecretLimits.MaxValueBytes => $"must be at most {SecretLimits.MaxValueBytes} bytes (UTF-8), got {bytes}",
            _ when value.Contains('\0') => "must not contain the NUL character (an environment variable cannot hold it)",
            _ => null,
        };
        if (problem is not null)
        {
            fields.Fail(ValueField, problem);
            return null;
        }

        return value;
    }
}
