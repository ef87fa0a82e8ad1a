using System.Globalization;
using Platform.Bench.Simulator.Trace;
using Platform.Core.Scheduling;
using Platform.Core.Scheduling.Policy;

namespace Platform.Bench.Simulator.Cluster;

/// <summary>
/// Nominal GPUs per team in the pool <c>default</c>, every team in the one cohort <see cref="Cohort"/>
/// (borrowing without limit, lending all its unused nominal).
/// </summary>
public static class Quotas
{
    /// <summary>The cohort every team of the simulation belongs to.</summary>
    public const string Cohort = "all";

    /// <summary>
    /// Each team's nominal in proportion to its share of the trace's GPU-hours, rounded by largest
    /// remainder so that the nominals add up to <paramref name="totalGpus"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, int> Proportional(IEnumerable<TraceJob> jobs, int totalGpus)
    {
        var demand = jobs.GroupBy(j => j.Team, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(j => j.Duration * j.Gpus), StringComparer.Ordinal);
        var total = demand.Values.Sum();
        if (total <= 0)
        {
            return demand.ToDictionary(d => d.Key, _ => 0, StringComparer.Ordinal);
        }

        var exact = demand.ToDictionary(d => d.Key, d => d.Value / total * totalGpus, StringComparer.Ordinal);
        var quotas = exact.ToDictionary(e => e.Key, e => (int)Math.Floor(e.Value), StringComparer.Ordinal);
        var left = totalGpus - quotas.Values.Sum();
        foreach (var team in exact.OrderByDescending(e => e.Value - Math.Floor(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal).Take(left))
        {
            quotas[team.Key]++;
        }

        return quotas;
    }

    /// <summary>Parses <c>team=GPUs</c>.</summary>
    /// <exception cref="ArgumentException">Not of that form, or GPUs not from 0 to <see cref="TraceReader.MaxGpusPerJob"/>.</exception>
    public static (string Team, int Gpus) Parse(string text, string where)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Length is > 0 and <= TraceReader.MaxTeamLength
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gpus) && gpus <= TraceReader.MaxGpusPerJob
            ? (parts[0], gpus)
            : throw new ArgumentException($"{where}: '{text}' is not team=GPUs (GPUs a whole number from 0 to {TraceReader.MaxGpusPerJob:N0}).");
    }

    /// <summary>Reads a quotas file: one <c>team=GPUs</c> a line; blank lines and lines starting with '#' are skipped.</summary>
    public static IReadOnlyDictionary<string, int> ReadFile(string path)
    {
        var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim() is { Length: > 0 } text && !text.StartsWith('#'))
            {
                var (team, gpus) = Parse(text, $"{path}, line {number}");
                quotas[team] = gpus;
            }
        }

        return quotas;
    }

    /// <summary>
    /// The platform's sharing policy for <paramref name="quotas"/>; a team of <paramref name="teams"/>
    /// without a quota gets a nominal of 0 in the cohort (it only borrows).
    /// </summary>
    public static SharingPolicy Policy(
        IReadOnlyDictionary<string, int> quotas, IEnumerable<string> teams, double halfLifeMinutes, ReclaimWithinCohort reclaim = ReclaimWithinCohort.Any) =>
        new SchedulingOptions
        {
            UsageHalfLifeMinutes = halfLifeMinutes,
            ReclaimWithinCohort = reclaim,
            TeamQuotas = teams.Concat(quotas.Keys).Distinct(StringComparer.Ordinal).ToDictionary(
                team => team,
                team => new TeamQuotaSettings
                {
                    Cohort = Cohort,
                    Pools = new() { [PoolMatcher.DefaultPool] = new QuotaSettings { Gpus = quotas.GetValueOrDefault(team) } },
                },
                StringComparer.Ordinal),
        }.SharingPolicy();
}
