using System.Globalization;

namespace Platform.Training;

/// <summary>Reads the platform's task environment (API.md "Task environment") into a <see cref="TrainingCluster"/>.</summary>
internal static class TaskEnvironment
{
    public const string TfConfig = "TF_CONFIG";
    public const string TaskType = "PLATFORM_TASK_TYPE";
    public const string TaskIndex = "PLATFORM_TASK_INDEX";
    public const string TaskName = "PLATFORM_TASK_NAME";
    public const string TaskPort = "PLATFORM_TASK_PORT";
    public const string JobId = "PLATFORM_JOB_ID";
    public const string JobSecret = "PLATFORM_JOB_SECRET";

    public static TrainingCluster Read(Func<string, string?> variable)
    {
        var port = ReadPort(variable(TaskPort));
        var jobId = NullIfEmpty(variable(JobId));
        var tfConfig = NullIfEmpty(variable(TfConfig));
        var cluster = tfConfig is null ? SingleTask(variable, port, jobId) : TfConfigParser.Parse(tfConfig, port, jobId);

        var type = NullIfEmpty(variable(TaskType))?.ToLowerInvariant();
        if (type is not null && type != cluster.TaskType)
        {
            throw new TrainingException($"{TaskType} is '{type}' but TF_CONFIG.task.type is '{cluster.TaskType}'.");
        }

        var name = NullIfEmpty(variable(TaskName));
        if (name is not null && name != cluster.TaskName)
        {
            throw new TrainingException($"{TaskName} is '{name}' but TF_CONFIG.task says {cluster.TaskName}.");
        }

        return cluster with { JobSecret = variable(JobSecret) };
    }

    private static TrainingCluster SingleTask(Func<string, string?> variable, int? port, string? jobId)
    {
        var type = NullIfEmpty(variable(TaskType))?.ToLowerInvariant()
            ?? throw new TrainingException($"Neither {TfConfig} nor {TaskType} is set: run this inside a platform task or set them.");
        var indexText = NullIfEmpty(variable(TaskIndex)) ?? "0";
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new TrainingException($"{TaskIndex} is '{indexText}', not a non-negative integer.");
        }

        var participates = type is TaskTypes.Chief or TaskTypes.Master or TaskTypes.Worker;
        return new TrainingCluster
        {
            TaskType = type,
            TaskIndex = index,
            Rank = participates ? 0 : -1,
            Port = port,
            JobId = jobId,
            Participants = participates ? [$"localhost:{port ?? 0}"] : [],
        };
    }

    private static int? ReadPort(string? text)
    {
        if (NullIfEmpty(text) is not { } value)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new TrainingException($"{TaskPort} is '{value}', not a port number (1-65535).");
        }

        return port;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
