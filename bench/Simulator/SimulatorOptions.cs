using System.Globalization;
using Platform.Bench.Simulator.Cluster;
using Platform.Core.Scheduling;
using Platform.Core.Scheduling.Policy;

namespace Platform.Bench.Simulator;

/// <summary>The command line: <c>Simulator TRACE.csv[.gz] [options]</c>; see <see cref="Usage"/>.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The longest grace period: 1 day, 86,400 s.</summary>
    public const double MaxGraceSeconds = 86_400;

    /// <summary>The longest planning step: 1 hour, 3,600 s.</summary>
    public const double MaxStepSeconds = 3_600;

    /// <summary>The help text.</summary>
    public const string Usage = """
        usage: simulate.sh TRACE.csv[.gz] [options]
          --nodes N             nodes (default 64, at most 10,000)
          --gpus-per-node N     GPUs per node (default 8, at most 64)
          --quota TEAM=GPUS     a team's nominal GPUs (repeat); teams not named get 0 and only borrow
          --quotas FILE         one TEAM=GPUS a line ('#' comments)
                                (neither: each team's share of the trace's GPU-hours, of the cluster's GPUs)
          --limit N             replay only the first N jobs by submit time
          --out DIR             write DIR/report.md, DIR/jct-cdf.png, DIR/utilisation.png (default bench/results/simulation)
          --step SECONDS        plan once per step instead of at every event (default 0: every event; at most 3,600)
          --grace SECONDS       a preempted job's grace period (default 30, at most 86,400)
          --half-life MINUTES   the platform's usage half-life (default 60)
          --policies LIST       of fifo,platform,sjf (default all three)
          --reclaim WHEN        the platform's ReclaimWithinCohort: any (default), lower-priority or never
          --deadline-factor F   each job declares activeDeadlineSeconds = its duration x F (1 to 100; default none,
                                as in the trace): the platform's reservations then get an estimated start
        """;

    /// <summary>The trace file.</summary>
    public required string Trace { get; init; }

    /// <summary>The cluster.</summary>
    public ClusterShape Shape { get; init; } = new(64, 8);

    /// <summary>Named quotas, or null for the proportional default.</summary>
    public IReadOnlyDictionary<string, int>? Quotas { get; init; }

    /// <summary>Where the quotas came from, in words.</summary>
    public string QuotaSource { get; init; } = "each team's share of the trace's GPU-hours, of the cluster's GPUs (largest remainder)";

    /// <summary>Jobs to replay, or null for all.</summary>
    public int? Limit { get; init; }

    /// <summary>The output directory.</summary>
    public string Out { get; init; } = "bench/results/simulation";

    /// <summary>The planning step in seconds; 0: every event.</summary>
    public double StepSeconds { get; init; }

    /// <summary>The grace period in seconds.</summary>
    public double GraceSeconds { get; init; } = Platform.Contracts.Jobs.JobSpecDefaults.TerminationGracePeriodSeconds;

    /// <summary>The usage half-life in minutes.</summary>
    public double HalfLifeMinutes { get; init; } = SchedulingOptions.DefaultUsageHalfLifeMinutes;

    /// <summary>Whether a team within its quota preempts its cohort's borrowers (the platform's setting).</summary>
    public ReclaimWithinCohort Reclaim { get; init; } = ReclaimWithinCohort.Any;

    /// <summary>The most a declared deadline may exceed the duration: 100 times.</summary>
    public const double MaxDeadlineFactor = 100;

    /// <summary>Each job's declared deadline as a multiple of its duration; null: none declared.</summary>
    public double? DeadlineFactor { get; init; }

    /// <summary>The policies to replay, in report order.</summary>
    public IReadOnlyList<string> Policies { get; init; } = ["fifo", "platform", "sjf"];

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or its value is out of range; the message names it.</exception>
    public static SimulatorOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("the trace file is missing.");
        }

        var defaults = new SimulatorOptions { Trace = args[0] };
        int nodes = defaults.Shape.Nodes, gpus = defaults.Shape.GpusPerNode;
        int? limit = null;
        string output = defaults.Out, quotaSource = defaults.QuotaSource;
        double step = defaults.StepSeconds, grace = defaults.GraceSeconds, halfLife = defaults.HalfLifeMinutes;
        double? deadlineFactor = null;
        var reclaim = defaults.Reclaim;
        var policies = defaults.Policies;
        var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--nodes": nodes = Whole(name, value, 1, ClusterShape.MaxNodes); break;
                case "--gpus-per-node": gpus = Whole(name, value, 1, ClusterShape.MaxGpusPerNode); break;
                case "--quota":
                    var (team, nominal) = Cluster.Quotas.Parse(value, name);
                    quotas[team] = nominal;
                    quotaSource = "as given; teams not named get 0";
                    break;
                case "--quotas":
                    foreach (var (fileTeam, fileNominal) in Cluster.Quotas.ReadFile(value))
                    {
                        quotas[fileTeam] = fileNominal;
                    }

                    quotaSource = $"from {Path.GetFileName(value)}; teams not named get 0";
                    break;
                case "--limit": limit = Whole(name, value, 1, Simulator.Trace.TraceReader.MaxJobs); break;
                case "--out": output = value; break;
                case "--step": step = Number(name, value, 0, MaxStepSeconds); break;
                case "--grace": grace = Number(name, value, 0, MaxGraceSeconds); break;
                case "--half-life": halfLife = Number(name, value, 0.001, SchedulingOptions.MaxUsageHalfLifeMinutes); break;
                case "--policies": policies = PolicyList(value); break;
                case "--reclaim": reclaim = ReclaimOf(value); break;
                case "--deadline-factor": deadlineFactor = Number(name, value, 1, MaxDeadlineFactor); break;
                default: throw new ArgumentException($"unknown option {name}.");
            }
        }

        return new SimulatorOptions
        {
            Trace = args[0],
            Shape = new ClusterShape(nodes, gpus),
            Quotas = quotas.Count > 0 ? quotas : null,
            QuotaSource = quotaSource,
            Limit = limit,
            Out = output,
            StepSeconds = step,
            GraceSeconds = grace,
            HalfLifeMinutes = halfLife,
            Policies = policies,
            Reclaim = reclaim,
            DeadlineFactor = deadlineFactor,
        };
    }

    private static int Whole(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"{name}: '{value}' is not a whole number from {min:N0} to {max:N0}.");

    private static double Number(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"{name}: '{value}' is not a number from {min} to {max:N0}.");

    private static ReclaimWithinCohort ReclaimOf(string value) => value switch
    {
        "any" => ReclaimWithinCohort.Any,
        "lower-priority" => ReclaimWithinCohort.LowerPriority,
        "never" => ReclaimWithinCohort.Never,
        _ => throw new ArgumentException($"--reclaim: '{value}' is not any, lower-priority or never."),
    };

    private static IReadOnlyList<string> PolicyList(string value)
    {
        var names = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Length > 0 && names.All(n => n is "fifo" or "platform" or "sjf")
            ? names.Distinct().ToList()
            : throw new ArgumentException($"--policies: '{value}' is not a list of fifo, platform and sjf.");
    }
}
