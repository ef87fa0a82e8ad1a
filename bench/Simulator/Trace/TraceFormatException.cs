namespace Platform.Bench.Simulator.Trace;

/// <summary>A trace that cannot be read; the message names the line and the column.</summary>
public sealed class TraceFormatException(string message) : Exception(message);
