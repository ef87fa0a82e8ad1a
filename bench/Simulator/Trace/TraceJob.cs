namespace Platform.Bench.Simulator.Trace;

/// <summary>One job of a trace, as read.</summary>
/// <param name="Line">Its line in the trace file (the header is line 1).</param>
/// <param name="SubmitTime">Seconds after the trace's origin when it was submitted.</param>
/// <param name="Duration">Seconds it runs once started (an oracle only shortest-job-first reads).</param>
/// <param name="Gpus">Whole GPUs it needs, all at once (gang).</param>
/// <param name="Team">Its team.</param>
public sealed record TraceJob(int Line, double SubmitTime, double Duration, int Gpus, string Team);
