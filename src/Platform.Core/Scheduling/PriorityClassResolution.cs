namespace Platform.Core.Scheduling;

/// <summary>What <see cref="PriorityClassPolicy.Resolve"/> decided: the class, or why the spec may not have it.</summary>
/// <param name="Class">The class the job runs under; null when refused.</param>
/// <param name="Error">Why the class is refused, naming the classes the team may use; null when resolved.</param>
public sealed record PriorityClassResolution(PriorityClass? Class, string? Error);
