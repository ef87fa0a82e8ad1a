namespace Platform.Training;

/// <summary>
/// Runs this process as one parameter server: a gRPC (HTTP/2 cleartext) service on the task's port that
/// holds one shard of the parameters and their optimizer state. It starts empty and is initialized by the
/// chief; it serves until the chief says training is over, SIGTERM, or <c>cancellationToken</c>.
/// </summary>
public static class ParameterServer
{
    /// <summary>Serves until shutdown. Returns normally on a shutdown requested by the chief or SIGTERM (exit 0).</summary>
    public static Task RunAsync(TrainingCluster cluster, CancellationToken cancellationToken) =>
        RunAsync(cluster, new ParameterServerOptions(), cancellationToken);

    /// <summary>Serves until shutdown with these options.</summary>
    public static Task RunAsync(TrainingCluster cluster, ParameterServerOptions options, CancellationToken cancellationToken) =>
        throw new NotImplementedException("ParameterServer.RunAsync lands in the next commit.");
}
