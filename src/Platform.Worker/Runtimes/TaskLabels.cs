namespace Platform.Worker.Runtimes;

/// <summary>Labels every container carries, so a restarted agent finds and adopts its containers.</summary>
public static class TaskLabels
{
    public const string Job = "platform.job";
    public const string Task = "platform.task";
    public const string Node = "platform.node";
    public const string Attempt = "platform.attempt";
    public const string Grace = "platform.grace";
}
