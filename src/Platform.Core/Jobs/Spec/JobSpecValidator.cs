using Platform.Contracts.Jobs;

namespace Platform.Core.Jobs.Spec;

/// <summary>
/// The spec rules that need configuration or knowledge of the cluster: images present and
/// allow-listed (docker runtime), commands present (process runtime), a node offering the runtime,
/// and every replica group's per-task resources fitting on some node. Run it on a spec that
/// <see cref="JobSpecParser"/> accepted; all errors are returned together.
/// </summary>
public static class JobSpecValidator
{
    /// <summary>Checks <paramref name="spec"/> against <paramref name="context"/>; empty when it passes.</summary>
    public static IReadOnlyList<SpecError> Validate(JobSpec spec, SpecContext context)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(context);

        var errors = new List<SpecError>();
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

        return errors;
    }
}
