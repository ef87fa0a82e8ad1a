namespace Platform.Core.Jobs.Spec;

/// <summary>
/// Every bound a submitted job spec (and a notebook request) is held to, checked before anything
/// is expanded or allocated from it (docs/api.md, "Limits"). A spec beyond one of them is refused
/// with the field and the limit named, and nothing is stored.
/// </summary>
public static class SpecLimits
{
    /// <summary>The largest body read as a spec, in UTF-8 bytes: 1 MiB. The gateway refuses a longer one before reading it.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Most nested objects and arrays, the root counted: 32 (a valid spec needs 4).</summary>
    public const int MaxDepth = 32;

    /// <summary>Most YAML nodes (scalars, mappings, sequences) once aliases are expanded: 100,000.</summary>
    public const int MaxYamlNodes = 100_000;

    /// <summary>Most alias uses (<c>*name</c>) in one YAML body: 1,000.</summary>
    public const int MaxYamlAliases = 1_000;

    /// <summary>Most characters of scalar text once YAML aliases are expanded: as many as the body may hold, 1 Mi.</summary>
    public const int MaxYamlScalarChars = MaxBodyBytes;

    /// <summary>Most errors reported for one spec; the rest are counted in one more error on <c>body</c>.</summary>
    public const int MaxErrors = 100;

    /// <summary>Most tasks one replica group asks for (<c>count</c>): 1,000.</summary>
    public const int MaxCount = 1_000;

    /// <summary>Most tasks of one job, all replica groups together: 1,000.</summary>
    public const int MaxTasks = 1_000;

    /// <summary>Most entries of one <c>env</c> map: 100.</summary>
    public const int MaxEnvEntries = 100;

    /// <summary>Most UTF-8 bytes of every <c>env</c> name and value of the spec together: 64 KiB.</summary>
    public const int MaxEnvBytes = 64 * 1024;

    /// <summary>The longest environment variable name: 256 characters.</summary>
    public const int MaxEnvNameLength = 256;

    /// <summary>Most arguments of one <c>command</c>: 256.</summary>
    public const int MaxCommandArguments = 256;

    /// <summary>Most UTF-8 bytes of one <c>command</c>, all arguments together: 64 KiB.</summary>
    public const int MaxCommandBytes = 64 * 1024;

    /// <summary>The longest image reference: 512 characters.</summary>
    public const int MaxImageLength = 512;

    /// <summary>The longest team name: 63 characters.</summary>
    public const int MaxTeamLength = 63;

    /// <summary>The smallest CPU share of a task: 0.01 (Docker turns less into NanoCpus 0, which means unlimited).</summary>
    public const double MinCpus = 0.01;

    /// <summary>The most CPUs one task may ask for: 1,024.</summary>
    public const double MaxCpus = 1_024;

    /// <summary>The least memory of a task: 16 MB (Docker refuses less than 6 MB; a runtime needs more).</summary>
    public const int MinMemoryMb = 16;

    /// <summary>The most memory one task may ask for: 4,194,304 MB (4 TiB).</summary>
    public const int MaxMemoryMb = 4 * 1024 * 1024;

    /// <summary>The most GPUs one task may ask for: 64.</summary>
    public const int MaxGpus = 64;

    /// <summary>The longest <c>activeDeadlineSeconds</c>: 2,592,000 (30 days); a grain timer's due time must stay under 49.7 days.</summary>
    public const long MaxActiveDeadlineSeconds = 30L * 24 * 60 * 60;

    /// <summary>The longest <c>terminationGracePeriodSeconds</c>: 3,600 (1 hour).</summary>
    public const int MaxTerminationGracePeriodSeconds = 3_600;

    /// <summary>The most restarts a job may allow (<c>backoffLimit</c>): 100.</summary>
    public const int MaxBackoffLimit = 100;

    /// <summary>The longest <c>ttlSecondsAfterFinished</c>: 2,592,000 (30 days).</summary>
    public const int MaxTtlSecondsAfterFinished = 30 * 24 * 60 * 60;

    /// <summary>The smallest <c>pidsLimit</c>: 16 (less and a shell with one child cannot start).</summary>
    public const int MinPidsLimit = 16;

    /// <summary>The largest <c>pidsLimit</c>: 1,048,576; the node's own maximum caps it further.</summary>
    public const int MaxPidsLimit = 1024 * 1024;

    /// <summary>The longest <c>priorityClass</c>: 63 characters (a DNS label).</summary>
    public const int MaxPriorityClassLength = 63;

    /// <summary>Most <c>volumes</c> of one job: 8.</summary>
    public const int MaxVolumes = 8;

    /// <summary>The longest volume <c>mountPath</c>: 4,096 characters (Linux's PATH_MAX).</summary>
    public const int MaxMountPathLength = 4_096;

    /// <summary>The most characters of a user's value quoted back in an error message: 64.</summary>
    public const int MaxQuotedLength = 64;
}
