namespace Platform.Training;

/// <summary>Checks the job's secret (<c>PLATFORM_JOB_SECRET</c>) a task is given: it travels as a gRPC header on every call.</summary>
internal static class JobSecrets
{
    /// <summary>The longest secret accepted: 1024 characters (the platform's are 43).</summary>
    public const int MaxLength = 1024;

    /// <summary>The secret, or null when the variable is absent or blank.</summary>
    /// <exception cref="TrainingException">The secret is too long or not printable ASCII (a header value must be).</exception>
    public static string? Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length > MaxLength)
        {
            throw new TrainingException($"{TaskEnvironment.JobSecret} is {value.Length} characters long; at most {MaxLength} are allowed.");
        }

        if (!value.All(character => character is > ' ' and <= '~'))
        {
            throw new TrainingException($"{TaskEnvironment.JobSecret} may hold only printable ASCII characters without spaces (it travels as a gRPC header).");
        }

        return value;
    }
}
