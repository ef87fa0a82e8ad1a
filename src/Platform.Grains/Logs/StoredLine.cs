using Platform.Contracts.Logs;

namespace Platform.Grains.Logs;

/// <summary>A numbered line with where it came from: its source (container or process) and offset there.</summary>
public sealed record StoredLine(LogLine Line, string Source, long Offset);
