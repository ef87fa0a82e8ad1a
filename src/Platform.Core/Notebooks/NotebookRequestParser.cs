using Platform.Core.Jobs.Spec;

namespace Platform.Core.Notebooks;

/// <summary>
/// Reads <c>POST /api/notebooks</c> (JSON) with the rules that need nothing but the body: every
/// field of the right type and range, <c>gpus</c>, <c>cpus</c> and <c>memoryMb</c> present, no
/// unknown field. The body and the amounts are held to the job spec's <see cref="SpecLimits"/>.
/// Every error is returned, each naming its field.
/// </summary>
public static class NotebookRequestParser
{
    /// <summary>Less than this and Jupyter itself does not start.</summary>
    public const int MinMemoryMb = 256;

    /// <summary>The longest idle timeout a notebook may ask for: a week.</summary>
    public const int MaxIdleTimeoutMinutes = 7 * 24 * 60;

    private static readonly string[] Required = ["gpus", "cpus", "memoryMb"];

    public static NotebookRequestResult Parse(string body)
    {
        var errors = new List<SpecError>();
        var root = SpecBody.ReadJson(body, errors, "the notebook request");
        if (root is null)
        {
            return new NotebookRequestResult(null, errors);
        }

        var fields = new SpecObject(root, "", errors);
        foreach (var field in Required.Where(field => !fields.Has(field)))
        {
            fields.Fail(field, "is required");
        }

        var image = fields.String("image", SpecLimits.MaxImageLength);
        var gpus = fields.Int("gpus", 0, 0, SpecLimits.MaxGpus);
        var cpus = fields.Range("cpus", 1, SpecLimits.MinCpus, SpecLimits.MaxCpus);
        var memoryMb = fields.Int("memoryMb", MinMemoryMb, MinMemoryMb, SpecLimits.MaxMemoryMb);
        var idle = fields.Int("idleTimeoutMinutes", 0, min: 1, max: MaxIdleTimeoutMinutes);
        fields.RejectUnknownFields();
        return errors.Count == 0
            ? new NotebookRequestResult(new NotebookRequest(image, gpus, cpus, memoryMb, idle == 0 ? null : idle), errors)
            : new NotebookRequestResult(null, JobSpecParser.Capped(errors));
    }
}

/// <summary>The request, or why it was refused.</summary>
public sealed record NotebookRequestResult(NotebookRequest? Request, IReadOnlyList<SpecError> Errors)
{
    public bool IsValid => Request is not null;
}
