namespace Platform.Cli.Jobs;

/// <summary>A page of <c>GET /api/jobs/{id}/logs</c>; <see cref="Next"/> is the <c>after</c> of the following page.</summary>
public sealed record LogPage(IReadOnlyList<LogLine> Lines, long Next);
