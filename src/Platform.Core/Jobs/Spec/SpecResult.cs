using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// The outcome of <see cref="JobSpecParser.Parse"/>: the spec when it is valid, otherwise every
/// error found (never only the first).
/// </summary>
/// <param name="Spec">The parsed spec with defaults applied; null when there are errors.</param>
/// <param name="Errors">All errors found; empty when the spec is valid.</param>
public sealed record SpecResult(JobSpec? Spec, IReadOnlyList<SpecError> Errors)
{
    /// <summary>True when no error was found and <see cref="Spec"/> is set.</summary>
    public bool IsValid => Errors.Count == 0;
}
