using Platform.Core.Jobs.Spec;
using Platform.Core.Scheduling.Policy;
using Platform.Core.Settings;

namespace Platform.Core.Scheduling;

/// <summary>
/// The <c>Platform:Scheduling</c> section (priority classes, the default class, what an unlisted team
/// may use) together with the per-team <c>Platform:Teams</c> section, checked as one because they
/// refer to each other. Lists left empty take the built-in defaults.
/// </summary>
public sealed class SchedulingOptions : ICheckedSettings
{
    public const string Section = "Platform:Scheduling";
    public const string TeamsSection = "Platform:Teams";
    public const string DefaultClassName = "normal";

    /// <summary>The highest and, negated, the lowest priority class value: 1,000,000.</summary>
    public const int MaxPriorityValue = 1_000_000;

    /// <summary>The classes when none are configured: <c>low</c> 0 preemptible, <c>normal</c> 100, <c>high</c> 1000.</summary>
    public static readonly IReadOnlyList<PriorityClass> BuiltInClasses =
        [new("low", 0, Preemptible: true), new("normal", 100, Preemptible: false), new("high", 1000, Preemptible: false)];

    /// <summary>What a team not listed under <c>Platform:Teams</c> may use when <see cref="TeamDefaults"/> names nothing: low and normal.</summary>
    public static readonly IReadOnlyList<string> BuiltInTeamClasses = ["low", "normal"];

    /// <summary>The priority classes; empty means <see cref="BuiltInClasses"/>.</summary>
    public List<PriorityClassSettings> PriorityClasses { get; set; } = [];

    /// <summary>The class of a spec that names none.</summary>
    public string DefaultPriorityClass { get; set; } = DefaultClassName;

    /// <summary>What a team not listed under <c>Platform:Teams</c> may use; an empty list means <see cref="BuiltInTeamClasses"/>.</summary>
    public TeamSettings TeamDefaults { get; set; } = new();

    /// <summary>The <c>Platform:Teams</c> section, by team name.</summary>
    public Dictionary<string, TeamSettings> Teams { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The highest <see cref="UsageHalfLifeMinutes"/>: 10,080 (a week).</summary>
    public const double MaxUsageHalfLifeMinutes = 10_080;

    /// <summary>The default <see cref="UsageHalfLifeMinutes"/>: 60.</summary>
    public const double DefaultUsageHalfLifeMinutes = 60;

    /// <summary>The highest fair-share weight of a team: 1,000.</summary>
    public const double MaxWeight = 1_000;

    /// <summary>The resource pools by name (<c>Pools:{name}:NodeLabels</c>); the pool <c>default</c> takes every node none matches. Default: none.</summary>
    public Dictionary<string, PoolSettings> Pools { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Each team's quotas per pool, cohort and fair-share weight, by team name; a team not listed is not limited by quota. Default: none.</summary>
    public Dictionary<string, TeamQuotaSettings> TeamQuotas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Per-cohort preemption settings, by cohort name; each value left null takes the global one. Default: none.</summary>
    public Dictionary<string, CohortSettings> Cohorts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Whether a team within its nominal quota preempts what others of its cohort borrow. Default <see cref="Policy.ReclaimWithinCohort.Any"/>.</summary>
    public ReclaimWithinCohort ReclaimWithinCohort { get; set; } = ReclaimWithinCohort.Any;

    /// <summary>Whether a higher class preempts lower, preemptible classes of other teams of the cohort (never outside it). Default false.</summary>
    public bool PreemptAcrossTeams { get; set; }

    /// <summary>Minutes after which past usage counts half toward fair share; above 0, at most <see cref="MaxUsageHalfLifeMinutes"/>. Default 60.</summary>
    public double UsageHalfLifeMinutes { get; set; } = DefaultUsageHalfLifeMinutes;

    /// <summary>The configured classes, or the built-in ones when none are.</summary>
    public IReadOnlyList<PriorityClass> Classes => PriorityClasses.Count == 0
        ? BuiltInClasses
        : [.. PriorityClasses.Select(c => new PriorityClass(c.Name, c.Value, c.Preemptible))];

    /// <summary>The classes a team not listed may use.</summary>
    public IReadOnlyList<string> TeamDefaultClasses => TeamDefaults.PriorityClasses.Count == 0 ? BuiltInTeamClasses : TeamDefaults.PriorityClasses;

    /// <summary>The policy these settings describe; call it on settings whose <see cref="Problems"/> are empty.</summary>
    public PriorityClassPolicy Policy() => new(
        Classes, DefaultPriorityClass,
        Teams.Where(t => t.Value.PriorityClasses.Count > 0)
            .ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value.PriorityClasses, StringComparer.Ordinal),
        TeamDefaultClasses);

    /// <summary>The sharing policy (pools, quotas, cohorts, fair share) these settings describe; call it on settings whose <see cref="Problems"/> are empty.</summary>
    public SharingPolicy SharingPolicy() => SharingSettings.Build(this);

    /// <summary>Every bad value, each message naming its key; empty when the settings are good.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var classes = Classes;
        for (var i = 0; i < classes.Count; i++)
        {
            CheckClass(problems, $"{Section}:PriorityClasses:{i}", classes[i], classes.Take(i));
        }

        var names = classes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var known = string.Join(", ", names);
        if (!names.Contains(DefaultPriorityClass ?? ""))
        {
            problems.Add($"{Section}:DefaultPriorityClass '{DefaultPriorityClass}' is not one of the priority classes: {known}.");
        }

        CheckNames(problems, $"{Section}:TeamDefaults:PriorityClasses", TeamDefaultClasses, names, known);
        foreach (var (team, settings) in Teams)
        {
            CheckNames(problems, $"{TeamsSection}:{team}:PriorityClasses", settings.PriorityClasses, names, known);
        }

        SharingSettingsCheck.AddProblems(this, problems);
        return problems;
    }

    private static void CheckClass(List<string> problems, string key, PriorityClass candidate, IEnumerable<PriorityClass> earlier)
    {
        if (candidate.Name is null || !JobSpecReader.DnsLabel().IsMatch(candidate.Name))
        {
            problems.Add($"{key}:Name '{candidate.Name}' is not a lowercase DNS label: 1 to 63 characters of a-z, 0-9 and '-', "
                + "starting and ending with a letter or digit.");
        }

        if (candidate.Value is < -MaxPriorityValue or > MaxPriorityValue)
        {
            problems.Add($"{key}:Value must be between {-MaxPriorityValue} and {MaxPriorityValue}, got {candidate.Value}.");
        }

        foreach (var other in earlier)
        {
            if (other.Name == candidate.Name)
            {
                problems.Add($"{key}:Name '{candidate.Name}' is used by two priority classes; names must be unique.");
            }
            else if (other.Value == candidate.Value && other.Preemptible == candidate.Preemptible)
            {
                problems.Add($"{key}:Value {candidate.Value} is also the value of '{other.Name}', which is as preemptible: "
                    + "two such classes would be one class under two names.");
            }
        }
    }

    private static void CheckNames(List<string> problems, string key, IEnumerable<string> used, HashSet<string> names, string known)
    {
        foreach (var name in used.Where(name => !names.Contains(name ?? "")))
        {
            problems.Add($"{key} names '{name}', which is not a priority class; classes: {known}.");
        }
    }
}
