namespace Platform.Core.Scheduling;

/// <summary>
/// What one team may use: <c>Platform:Teams:{team}</c>, and <c>Platform:Scheduling:TeamDefaults</c>
/// for a team not listed there.
/// </summary>
public sealed class TeamSettings
{
    /// <summary>The priority classes, by name, the team's jobs may name; empty means the team defaults.</summary>
    public List<string> PriorityClasses { get; set; } = [];
}
