namespace Platform.Cli;

/// <summary>How long ago, the way kubectl says it: <c>42s</c>, <c>5m</c>, <c>3h</c>, <c>2d</c>.</summary>
public static class Age
{
    public static string Format(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "0s",
        { TotalMinutes: < 1 } => $"{(int)age.TotalSeconds}s",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes}m",
        { TotalDays: < 1 } => $"{(int)age.TotalHours}h",
        _ => $"{(int)age.TotalDays}d",
    };
}
