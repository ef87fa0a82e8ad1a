namespace Platform.Core.Telemetry;

/// <summary>One value of a gauge with its labels (<c>node</c>, <c>state</c>); a null label is not emitted.</summary>
public readonly record struct GaugeReading(double Value, string? Node = null, string? State = null);
