namespace Platform.Training.Server;

/// <summary>Where a parameter server's progress lines go.</summary>
internal sealed record ServerLog(Action<string> Write);
