using System.Collections.Frozen;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Scheduling;

/// <summary>
/// Which priority class a job gets: the class its spec names, or the default class when it names
/// none, provided the job's team may use it. A team may use the classes configured for it, else
/// the team defaults. Build it from <see cref="SchedulingOptions.Policy"/> after validation.
/// </summary>
public sealed class PriorityClassPolicy
{
    private readonly FrozenDictionary<string, PriorityClass> _classes;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _teams;
    private readonly IReadOnlyList<string> _teamDefaults;

    /// <param name="classes">Every class, names unique.</param>
    /// <param name="defaultClass">The class of a spec that names none; one of <paramref name="classes"/>.</param>
    /// <param name="teams">The classes each listed team may use.</param>
    /// <param name="teamDefaults">The classes a team not in <paramref name="teams"/> may use.</param>
    public PriorityClassPolicy(
        IEnumerable<PriorityClass> classes, string defaultClass,
        IReadOnlyDictionary<string, IReadOnlyList<string>> teams, IReadOnlyList<string> teamDefaults)
    {
        _classes = classes.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        DefaultClass = _classes.TryGetValue(defaultClass, out var found)
            ? found
            : throw new ArgumentException($"The default priority class '{defaultClass}' is not one of the classes.", nameof(defaultClass));
        _teams = teams.ToFrozenDictionary(StringComparer.Ordinal);
        _teamDefaults = teamDefaults;
    }

    /// <summary>The built-in classes (<c>low</c> 0 preemptible, <c>normal</c> 100, <c>high</c> 1000), default <c>normal</c>, teams may use low and normal.</summary>
    public static PriorityClassPolicy BuiltIn { get; } = new SchedulingOptions().Policy();

    /// <summary>The class of a spec that names none, and of a job stored before priority classes existed.</summary>
    public PriorityClass DefaultClass { get; }

    /// <summary>The classes, by name, that <paramref name="team"/> may use.</summary>
    public IReadOnlyList<string> AllowedFor(string team) => _teams.GetValueOrDefault(team) ?? _teamDefaults;

    /// <summary>The class a job of <paramref name="team"/> asking for <paramref name="className"/> (null: the default) runs under.</summary>
    public PriorityClassResolution Resolve(string? className, string team)
    {
        ArgumentNullException.ThrowIfNull(team);
        var allowed = AllowedFor(team);
        var name = className ?? DefaultClass.Name;
        var mayUse = $"team '{SpecValues.Truncate(team)}' may use: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}";
        if (!_classes.TryGetValue(name, out var found))
        {
            return new(null, $"there is no priority class '{SpecValues.Truncate(name)}'; {mayUse}");
        }

        if (!allowed.Contains(name, StringComparer.Ordinal))
        {
            var which = className is null ? $"the default priority class '{name}'" : $"priority class '{name}'";
            return new(null, $"{which} is not one the job's team may use; {mayUse}");
        }

        return new(found, null);
    }
}
