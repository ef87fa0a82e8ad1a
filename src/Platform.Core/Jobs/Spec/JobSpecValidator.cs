using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// The spec rules that need configuration or knowledge of the cluster: images present and
/// allow-listed (docker runtime), commands present (process runtime), a node offering the runtime,
/// every replica group's per-task resources fitting on some node, and a priority class the job's
/// team may use. Run it on a spec that <see cref="JobSpecParser"/> accepted; all errors are returned together.
/// </summary>
public static class JobSpecValidator
{
    private const string PriorityClassField = "priorityClass";

    /// <summary>
    /// Checks <paramref name="spec"/> against <paramref name="context"/>; when it passes, the spec to
    /// store: its priority class resolved (the default when it named none) with the class's value now.
    /// </summary>
    public static SpecResult Check(JobSpec spec, SpecContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);

        var errors = new List<SpecError>();
        CheckLaunch(spec, context, errors);
        var priority = context.Priorities.Resolve(spec.PriorityClass, spec.Team ?? JobSpecDefaults.Team);
        if (priority.Error is { } refused)
        {
            errors.Add(new SpecError(PriorityClassField, refused));
        }

        return priority.Class is { } found && errors.Count == 0
            ? new SpecResult(spec with { PriorityClass = found.Name, PriorityValue = found.Value }, errors)
            : new SpecResult(null, errors);
    }

    /// <summary>Checks <paramref name="spec"/> against <paramref name="context"/>; empty when it passes.</summary>
    public static IReadOnlyList<SpecError> Validate(JobSpec spec, SpecContext context) => Check(spec, context).Errors;

    private static void CheckLaunch(JobSpec spec, SpecContext context, List<SpecError> errors)
    {
        if (spec.Runtime == TaskRuntimes.Docker)
        {
            LaunchRules.CheckImages(spec, context.Images, errors);
        }
        else if (spec.Runtime == TaskRuntimes.Process)
        {
            LaunchRules.CheckCommands(spec, errors);
        }

        var nodes = context.Nodes.Where(n => n.Runtimes.Contains(spec.Runtime, StringComparer.Ordinal)).ToList();
        if (context.Nodes.Count > 0 && nodes.Count == 0)
        {
            var offered = context.Nodes.SelectMany(n => n.Runtimes).Distinct(StringComparer.Ordinal);
            errors.Add(new SpecError("runtime", $"no node in the cluster offers the {spec.Runtime} runtime; "
                + $"nodes offer: {string.Join(", ", offered)}"));
        }
        else if (nodes.Count > 0)
        {
            CapacityRule.Check(spec, nodes, errors);
        }
    }
}
