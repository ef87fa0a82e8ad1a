namespace Platform.Training;

/// <summary>The replica types of <c>TF_CONFIG</c>, in lower case as the cluster keys spell them.</summary>
public static class TaskTypes
{
    /// <summary>The chief: rank 0, initializes and checkpoints.</summary>
    public const string Chief = "chief";

    /// <summary>The master: PyTorch's name for the chief, treated the same.</summary>
    public const string Master = "master";

    /// <summary>A worker: a participant after the chief.</summary>
    public const string Worker = "worker";

    /// <summary>A parameter server: holds a shard of the parameters.</summary>
    public const string ParameterServer = "ps";

    /// <summary>An evaluator: neither holds parameters nor pushes gradients.</summary>
    public const string Evaluator = "evaluator";
}
