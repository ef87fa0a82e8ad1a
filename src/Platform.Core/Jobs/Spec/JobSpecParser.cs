namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Reads a submitted job spec (API.md, "Job spec") from JSON or YAML into a
/// <see cref="Platform.Contracts.Jobs.JobSpec"/>, applying defaults and the rules that need
/// nothing but the spec itself. Both formats become one JSON tree first, so they are held to the
/// same rules by the same code; every error found is returned, not only the first.
/// </summary>
public static class JobSpecParser
{
    private static readonly string[] _yamlMediaTypes =
        ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"];

    /// <summary>Parses <paramref name="body"/> as YAML when the content type says so, else as JSON.</summary>
    /// <param name="body">The request body.</param>
    /// <param name="contentType">The request's <c>Content-Type</c>, parameters allowed; null means JSON.</param>
    public static SpecResult Parse(string body, string? contentType)
    {
        var errors = new List<SpecError>();
        var root = IsYaml(contentType) ? SpecBody.ReadYaml(body, errors) : SpecBody.ReadJson(body, errors);
        if (root is null)
        {
            return new SpecResult(null, errors);
        }

        var spec = JobSpecReader.Read(new SpecObject(root, "", errors));
        return errors.Count == 0 ? new SpecResult(spec, errors) : new SpecResult(null, Capped(errors));
    }

    /// <summary>At most <see cref="SpecLimits.MaxErrors"/> errors, so a spec of many bad fields gets a small answer.</summary>
    internal static IReadOnlyList<SpecError> Capped(List<SpecError> errors)
    {
        if (errors.Count <= SpecLimits.MaxErrors)
        {
            return errors;
        }

        return [.. errors.Take(SpecLimits.MaxErrors),
            new SpecError("body", $"{errors.Count - SpecLimits.MaxErrors} more errors are not listed; at most {SpecLimits.MaxErrors} are")];
    }

    /// <summary>True for the YAML media types, ignoring parameters such as <c>charset</c>.</summary>
    public static bool IsYaml(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        return mediaType is not null
            && _yamlMediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase);
    }
}
