namespace Platform.Training;

/// <summary>How a parameter server process serves.</summary>
public sealed class ParameterServerOptions
{
    /// <summary>The address to bind; all interfaces by default (tasks use host networking).</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    /// <summary>The largest gRPC message received or sent.</summary>
    public int MaxMessageBytes { get; init; } = ParameterClientOptions.DefaultMaxMessageBytes;

    /// <summary>Where progress lines go (initializations, shutdown); standard output when null.</summary>
    public Action<string>? Log { get; init; }
}
