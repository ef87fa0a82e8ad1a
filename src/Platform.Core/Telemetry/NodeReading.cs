namespace Platform.Core.Telemetry;

/// <summary>One node as the gauges see it.</summary>
/// <param name="LastHeartbeat">When its agent last spoke; null if the node never said anything since the control plane started.</param>
public sealed record NodeReading(string NodeId, int GpusHeld, int GpusFree, DateTimeOffset? LastHeartbeat);
