namespace Platform.Cli.Jobs;

/// <summary>The job and task states of the public contract, as the strings the API sends.</summary>
public static class JobStates
{
    public const string Pending = "Pending";
    public const string Starting = "Starting";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Cancelled = "Cancelled";

    public static bool IsFinished(string state) => state is Succeeded or Failed or Cancelled;

    /// <summary>
    /// True while the job has not started anything yet: it is <c>Pending</c>, or placed with every
    /// task still pending or starting (pulling its image, say).
    /// </summary>
    public static bool IsWaiting(Job job) => !job.IsFinished &&
        (job.State == Pending || job.Tasks.All(task => task.State is Pending or Starting));
}
