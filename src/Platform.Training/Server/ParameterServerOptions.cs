namespace Platform.Training;

/// <summary>How a parameter server process serves.</summary>
public sealed class ParameterServerOptions
{
    /// <summary>The address to bind; all interfaces by default (tasks use host networking).</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>The largest gRPC message received or sent.</summary>
    public int MaxMessageBytes { get; init; } = ParameterClientOptions.DefaultMaxMessageBytes;

    /// <summary>
    /// For local tests only: serve a cluster that has no <see cref="TrainingCluster.JobSecret"/> without any
    /// check, so any process that reaches the port can read and change the parameters. False by default: a
    /// parameter server without the job's secret refuses to start. When the cluster has a secret it is
    /// always required, whatever this says.
    /// </summary>
    public bool AllowWithoutJobSecret { get; init; }

    /// <summary>Where progress lines go (initializations, shutdown); standard output when null.</summary>
    public Action<string>? Log { get; init; }
}
