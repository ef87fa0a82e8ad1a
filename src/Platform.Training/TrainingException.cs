namespace Platform.Training;

/// <summary>Training cannot go on: a bad cluster spec or argument, an unreachable parameter server, a mismatched model.</summary>
public sealed class TrainingException : Exception
{
    /// <summary>Creates the exception with an actionable message.</summary>
    public TrainingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an actionable message and its cause.</summary>
    public TrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
