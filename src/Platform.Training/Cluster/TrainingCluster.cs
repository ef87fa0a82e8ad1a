namespace Platform.Training;

/// <summary>
/// This task's place in its job's cluster, read from the injected environment (<c>TF_CONFIG</c> and the
/// <c>PLATFORM_TASK_*</c> variables). Participants in training are the chief (or master), if any, then the
/// workers by index; the chief role (initialization, checkpoints, shutdown) belongs to rank 0.
/// </summary>
public sealed record TrainingCluster
{
    private readonly string? _jobSecret;

    /// <summary>This task's replica type in lower case: <c>chief</c>, <c>master</c>, <c>worker</c>, <c>ps</c> or <c>evaluator</c>.</summary>
    public required string TaskType { get; init; }

    /// <summary>This task's index within its replica type.</summary>
    public required int TaskIndex { get; init; }

    /// <summary>This task's name, e.g. <c>worker-1</c>.</summary>
    public string TaskName => $"{TaskType}-{TaskIndex}";

    /// <summary>The port this task listens on (<c>PLATFORM_TASK_PORT</c>, else its own address in <c>TF_CONFIG</c>); null when neither says.</summary>
    public int? Port { get; init; }

    /// <summary>The job's id (<c>PLATFORM_JOB_ID</c>), when set.</summary>
    public string? JobId { get; init; }

    /// <summary>
    /// The job's secret (<c>PLATFORM_JOB_SECRET</c>), shared by every task of the job and by no other job: a
    /// parameter server serves only calls that carry it, and <see cref="ParameterClient"/> sends it on every
    /// call. Null when the variable is absent. Never print it; <see cref="ToString"/> leaves it out.
    /// </summary>
    /// <exception cref="TrainingException">The secret is longer than 1024 characters or not printable ASCII without spaces.</exception>
    public string? JobSecret
    {
        get => _jobSecret;
        init => _jobSecret = JobSecrets.Read(value);
    }

    /// <summary>The parameter servers' <c>host:port</c> addresses, ordered by index.</summary>
    public IReadOnlyList<string> ParameterServers { get; init; } = [];

    /// <summary>The training participants' <c>host:port</c> addresses: chief or master first, then the workers by index.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>How many tasks push gradients.</summary>
    public int ParticipantCount => Participants.Count;

    /// <summary>This task's index among the participants; -1 for ps and evaluator tasks.</summary>
    public required int Rank { get; init; }

    /// <summary>Whether this task initializes the parameter servers, writes checkpoints and stops the ps at the end (rank 0).</summary>
    public bool IsChief => Rank == 0;

    /// <summary>Whether this task is a parameter server.</summary>
    public bool IsParameterServer => TaskType == TaskTypes.ParameterServer;

    /// <summary>Describes the task and its cluster, without <see cref="JobSecret"/>.</summary>
    public override string ToString() =>
        $"TrainingCluster {{ TaskName = {TaskName}, Rank = {Rank}, JobId = {JobId}, Port = {Port}, " +
        $"ParameterServers = [{string.Join(", ", ParameterServers)}], Participants = [{string.Join(", ", Participants)}], " +
        $"JobSecret = {(JobSecret is null ? "none" : "set")} }}";

    /// <summary>Reads the cluster from this process's environment variables.</summary>
    /// <exception cref="TrainingException">The variables are missing or malformed; the message names the variable.</exception>
    public static TrainingCluster FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>Reads the cluster from environment variables served by <paramref name="variable"/> (for tests and hosts that pass their own).</summary>
    /// <exception cref="TrainingException">The variables are missing or malformed; the message names the variable.</exception>
    /// <remarks><c>PLATFORM_JOB_SECRET</c> becomes <see cref="JobSecret"/>: at most 1024 printable ASCII characters without spaces.</remarks>
    public static TrainingCluster FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return TaskEnvironment.Read(variable);
    }

    /// <summary>
    /// Reads the cluster from a Kubeflow <c>TF_CONFIG</c> document
    /// (<c>{"cluster":{"ps":[...],"worker":[...]},"task":{"type":"worker","index":1}}</c>).
    /// </summary>
    /// <param name="json">The <c>TF_CONFIG</c> value.</param>
    /// <param name="port">The port to listen on; when null, the port of this task's own address in the cluster.</param>
    /// <param name="jobId">The job's id, when known.</param>
    /// <exception cref="TrainingException">The document is malformed; the message says what is wrong.</exception>
    /// <remarks>The result has no <see cref="JobSecret"/>: add it with <c>with { JobSecret = ... }</c>.</remarks>
    public static TrainingCluster FromTfConfig(string json, int? port = null, string? jobId = null) =>
        TfConfigParser.Parse(json, port, jobId);
}
