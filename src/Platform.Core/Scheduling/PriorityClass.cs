namespace Platform.Core.Scheduling;

/// <summary>
/// A named priority an admin configures (<c>Platform:Scheduling:PriorityClasses</c>); a job names a
/// class its team may use, never a raw number.
/// </summary>
/// <param name="Name">A lowercase DNS label, such as <c>normal</c>.</param>
/// <param name="Value">Higher is placed first; within ±<see cref="SchedulingOptions.MaxPriorityValue"/>.</param>
/// <param name="Preemptible">Whether a job of this class may be stopped for a higher one (used by a later issue).</param>
public sealed record PriorityClass(string Name, int Value, bool Preemptible);
