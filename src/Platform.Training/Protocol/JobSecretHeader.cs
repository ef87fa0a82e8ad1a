namespace Platform.Training.Protocol;

/// <summary>The gRPC metadata entry that carries the job's secret on every call to a parameter server.</summary>
internal static class JobSecretHeader
{
    public const string Name = "platform-job-secret";
}
