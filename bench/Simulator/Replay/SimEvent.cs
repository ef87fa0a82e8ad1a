namespace Platform.Bench.Simulator.Replay;

/// <summary>An event of the simulated clock.</summary>
/// <param name="Time">Seconds since the trace's origin.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Job">To which job.</param>
/// <param name="Run">The job's run it belongs to (for completions and stops).</param>
public readonly record struct SimEvent(double Time, EventKind Kind, SimJob Job, int Run);
