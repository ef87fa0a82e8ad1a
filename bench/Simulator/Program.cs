using System.Diagnostics;
using Platform.Bench.Simulator;
using Platform.Bench.Simulator.Cluster;
using Platform.Bench.Simulator.Metrics;
using Platform.Bench.Simulator.Replay;
using Platform.Bench.Simulator.Report;
using Platform.Bench.Simulator.Trace;

SimulatorOptions options;
IReadOnlyList<TraceJob> trace;
try
{
    options = SimulatorOptions.Parse(args);
    trace = TraceReader.ReadFile(options.Trace);
}
catch (Exception e) when (e is ArgumentException or TraceFormatException or IOException)
{
    Console.Error.WriteLine($"simulate: {e.Message}");
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var shape = options.Shape;
var selector = new Simulation(shape, new Dictionary<string, int>(), new ReplaySettings(0, 0, 1), options.HalfLifeMinutes);
var (jobs, tooLarge) = selector.Select(trace, options.Limit);
var quotas = options.Quotas ?? Quotas.Proportional(jobs, shape.TotalGpus);
var span = jobs.Count == 0 ? 0 : jobs[^1].SubmitTime - jobs[0].SubmitTime;
var settings = new ReplaySettings(options.GraceSeconds, options.StepSeconds, BucketSeconds: Math.Max(60, Math.Ceiling(span / Plots.MaxPoints / 60) * 60));
var simulation = new Simulation(shape, quotas, settings, options.HalfLifeMinutes, options.Reclaim, options.DeadlineFactor);

var results = new List<ReplayResult>();
foreach (var policy in options.Policies)
{
    var result = simulation.Replay(policy, jobs, Console.Error);
    Console.Error.WriteLine($"simulate: {result.Policy}: {result.Jobs.Count:N0} jobs, {result.Plans:N0} plans, {result.Preemptions:N0} preemptions, peak {result.PeakBusyGpus:N0} of {shape.TotalGpus:N0} GPUs, {result.Wall.TotalSeconds:0.0} s");
    results.Add(result);
}

var demand = jobs.GroupBy(j => j.Team, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(j => j.Duration * j.Gpus), StringComparer.Ordinal);
var run = new RunDescription(
    Path.GetFileName(options.Trace), jobs.Count, trace.Count - jobs.Count, tooLarge, shape, quotas, options.QuotaSource, demand, settings, options.HalfLifeMinutes, options.Reclaim, options.DeadlineFactor);
var summaries = results.Select(r => Summaries.Of(r, shape.TotalGpus)).ToList();
Directory.CreateDirectory(options.Out);
Plots.JctCdf(results, Path.Combine(options.Out, "jct-cdf.png"));
Plots.Utilisation(results, settings.BucketSeconds, shape.TotalGpus, Path.Combine(options.Out, "utilisation.png"));
var report = MarkdownReport.Write(run, results, summaries, clock.Elapsed)
    + "\n![CDF of job completion time](jct-cdf.png)\n\n![GPU utilisation over time](utilisation.png)\n";
await File.WriteAllTextAsync(Path.Combine(options.Out, "report.md"), report);
Console.WriteLine(report);
Console.Error.WriteLine($"simulate: wrote {options.Out}/report.md, jct-cdf.png, utilisation.png in {clock.Elapsed.TotalSeconds:0.0} s");
return 0;
