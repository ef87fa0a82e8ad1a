using System.Globalization;
using System.Text;
using Platform.Bench.Simulator.Metrics;
using Platform.Bench.Simulator.Replay;

namespace Platform.Bench.Simulator.Report;

/// <summary>The Markdown report of one simulation: the run, one row per policy, and each team's share of GPU-time against its quota.</summary>
public static class MarkdownReport
{
    /// <summary>The report.</summary>
    public static string Write(RunDescription run, IReadOnlyList<ReplayResult> results, IReadOnlyList<PolicySummary> summaries, TimeSpan wall)
    {
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("# Trace-driven scheduling simulation").AppendLine();
        md.AppendLine(c, $"- trace: `{run.Trace}`, {run.Jobs:N0} jobs replayed ({run.LeftOut:N0} left out, {run.TooLarge:N0} of them larger than the cluster), {run.Demand.Count} teams");
        md.AppendLine(c, $"- cluster: {run.Shape.Nodes:N0} nodes x {run.Shape.GpusPerNode} GPUs = {run.Shape.TotalGpus:N0} GPUs; jobs of more GPUs than a node are split into equal tasks (gang)");
        md.AppendLine(c, $"- quotas: {run.QuotaSource}; every team in one cohort, borrowing without limit and lending all its idle nominal; the platform's ReclaimWithinCohort: {run.Reclaim}");
        md.AppendLine(c, $"- preemption grace period: {run.Settings.GraceSeconds:0.#} s (the victim holds its GPUs, then queues again keeping the work done); usage half-life {run.HalfLifeMinutes:0.#} min");
        md.AppendLine(run.DeadlineFactor is { } factor
            ? string.Create(c, $"- deadlines: each job declares activeDeadlineSeconds = {factor:0.##} x its remaining work, so the platform's reservations have an estimated start")
            : "- deadlines: none declared (as in the trace), so the platform's reservations hold their nodes until they drain");
        md.AppendLine(run.Settings.StepSeconds > 0
            ? string.Create(c, $"- planning: events batched per {run.Settings.StepSeconds:0.#} s of simulated time (every policy plans once per step in which something happened, at its end)")
            : "- planning: after every instant at which an event (submit, completion, end of a grace period) happened");
        md.AppendLine(c, $"- wall time: {wall.TotalSeconds:0.0} s ({string.Join(", ", results.Select(r => string.Create(c, $"{r.Policy} {r.Wall.TotalSeconds:0.0} s, {r.Plans:N0} plans")))})").AppendLine();

        md.AppendLine("| policy | avg JCT | p95 JCT | avg queueing | p95 queueing | GPU utilisation | preemptions | largest wait, jobs > 16 GPUs | makespan |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var s in summaries)
        {
            md.AppendLine(c, $"| {s.Policy} | {Durations.Format(s.AverageJct)} | {Durations.Format(s.P95Jct)} | {Durations.Format(s.AverageQueueing)} | {Durations.Format(s.P95Queueing)} | {s.Utilisation:P1} | {s.Preemptions:N0} | {BigWait(s, run)} | {Durations.Format(s.Makespan)} |");
        }

        md.AppendLine().AppendLine("JCT: finish - submit. Queueing: time in the queue, every spell of a preempted job together. Utilisation: GPU-time held (grace periods included) over GPU-time offered from the first submit to the last finish. Percentiles: nearest rank.").AppendLine();
        AppendShares(md, run, results);
        return md.ToString();
    }

    private static void AppendShares(StringBuilder md, RunDescription run, IReadOnlyList<ReplayResult> results)
    {
        var c = CultureInfo.InvariantCulture;
        md.AppendLine("## Share of GPU-time per team, against its quota").AppendLine();
        md.AppendLine(c, $"| team | quota GPUs | quota share | trace demand | {string.Join(" | ", results.Select(r => $"{r.Policy}, while jobs waited"))} | {string.Join(" | ", results.Select(r => $"{r.Policy}, whole run"))} |");
        md.AppendLine(c, $"| --- | ---: | ---: | ---: |{string.Concat(results.Select(_ => " ---: | ---: |"))}");
        var demand = run.Demand.Values.Sum();
        foreach (var team in run.Demand.OrderByDescending(d => d.Value).Select(d => d.Key))
        {
            var quota = run.Quotas.GetValueOrDefault(team);
            var shares = results.Select(r => Share(r.TeamContendedGpuSeconds.GetValueOrDefault(team), r.TeamContendedGpuSeconds.Values.Sum()))
                .Concat(results.Select(r => Share(r.TeamGpuSeconds.GetValueOrDefault(team), r.TeamGpuSeconds.Values.Sum())));
            md.AppendLine(c, $"| {team} | {quota:N0} | {(double)quota / run.Shape.TotalGpus:P1} | {Share(run.Demand[team], demand)} | {string.Join(" | ", shares)} |");
        }

        md.AppendLine().AppendLine("Shares are of the GPU-time held under that policy: while at least one job waited (where a policy decides who gets the GPUs), and over the whole run (where every policy ends up giving each team about its demand, since every job runs to the end). The quota share is the nominal over the cluster's GPUs; the demand is the team's share of the replayed jobs' GPU-time (duration x GPUs).");
    }

    private static string BigWait(PolicySummary s, RunDescription run) => s.LargestBigWait is { } wait && s.LargestBigWaitJob is { } job
        ? string.Create(CultureInfo.InvariantCulture, $"{Durations.Format(wait)} ({job.Trace.Gpus} GPUs, team {job.Trace.Team}, quota {run.Quotas.GetValueOrDefault(job.Trace.Team)})")
        : "none";

    private static string Share(double part, double whole) =>
        whole > 0 ? (part / whole).ToString("P1", CultureInfo.InvariantCulture) : "-";
}
