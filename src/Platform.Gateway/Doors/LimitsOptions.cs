namespace Platform.Gateway.Doors;

/// <summary>
/// The <c>Platform:Limits</c> section: how large a request body may be. Each limit is enforced before
/// the body is read or parsed; a body over it answers <c>413</c> problem+json naming the limit.
/// </summary>
public sealed class LimitsOptions : Platform.Core.Settings.ICheckedSettings
{
    public const string Section = "Platform:Limits";

    /// <summary>
    /// 1 MiB, <see cref="Platform.Core.Jobs.Spec.SpecLimits.MaxBodyBytes"/>: the parser refuses a longer
    /// spec in any case, so this may only be lowered.
    /// </summary>
    public const long DefaultMaxSpecBytes = Platform.Core.Jobs.Spec.SpecLimits.MaxBodyBytes;

    /// <summary>64 KiB: a notebook request is a handful of numbers.</summary>
    public const long DefaultMaxJsonBodyBytes = 64 * 1024;

    /// <summary>2 MiB: Kestrel's limit for every other request (its own default is 30 MB).</summary>
    public const long DefaultMaxRequestBodyBytes = 2 * 1024 * 1024;

    /// <summary>
    /// 256 MiB: Jupyter saves a whole notebook, outputs and images included, in one request; the proxy
    /// streams it through without holding it, so only its size is bounded.
    /// </summary>
    public const long DefaultMaxNotebookProxyBodyBytes = 256L * 1024 * 1024;

    /// <summary>Job submissions a second, sustained, over all callers (until identities partition them).</summary>
    public const int DefaultSubmitsPerSecond = 100;

    /// <summary>Job submissions accepted at once before the sustained rate applies.</summary>
    public const int DefaultSubmitBurst = 1000;

    /// <summary>The smallest value any limit may be set to.</summary>
    public const long Minimum = 1024;

    /// <summary>The largest value any limit may be set to: 4 GiB.</summary>
    public const long Maximum = 4L * 1024 * 1024 * 1024;

    /// <summary>A job spec, <c>POST /api/jobs</c> (JSON or YAML).</summary>
    public long MaxSpecBytes { get; set; } = DefaultMaxSpecBytes;

    /// <summary>Every other JSON body of the API (<c>POST /api/notebooks</c>).</summary>
    public long MaxJsonBodyBytes { get; set; } = DefaultMaxJsonBodyBytes;

    /// <summary>Any request that has no limit of its own: Kestrel's <c>MaxRequestBodySize</c>.</summary>
    public long MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>A request the notebook proxy forwards to Jupyter.</summary>
    public long MaxNotebookProxyBodyBytes { get; set; } = DefaultMaxNotebookProxyBodyBytes;

    /// <summary><c>POST /api/jobs</c> a second past <see cref="SubmitBurst"/>; more answer <c>429</c> with <c>Retry-After</c> (1-100,000).</summary>
    public int SubmitsPerSecond { get; set; } = DefaultSubmitsPerSecond;

    /// <summary>Submissions accepted at once (1-100,000).</summary>
    public int SubmitBurst { get; set; } = DefaultSubmitBurst;

    /// <summary>Every setting out of its range, each named with the range; empty when all are good.</summary>
    public IReadOnlyList<string> Problems() =>
    [
        .. new (string Name, long Value)[]
        {
            (nameof(MaxSpecBytes), MaxSpecBytes),
            (nameof(MaxJsonBodyBytes), MaxJsonBodyBytes),
            (nameof(MaxRequestBodyBytes), MaxRequestBodyBytes),
            (nameof(MaxNotebookProxyBodyBytes), MaxNotebookProxyBodyBytes),
        }
        .Where(limit => limit.Value is < Minimum or > Maximum)
        .Select(limit => $"{Section}:{limit.Name} is {limit.Value}; it must be between {Minimum} and {Maximum} bytes."),
        .. MaxSpecBytes > DefaultMaxSpecBytes && MaxSpecBytes <= Maximum
            ? [$"{Section}:{nameof(MaxSpecBytes)} is {MaxSpecBytes}; it may be at most {DefaultMaxSpecBytes} bytes, the largest spec the parser reads."]
            : Array.Empty<string>(),
        .. new (string Name, int Value)[] { (nameof(SubmitsPerSecond), SubmitsPerSecond), (nameof(SubmitBurst), SubmitBurst) }
            .Where(rate => rate.Value is < 1 or > 100_000)
            .Select(rate => $"{Section}:{rate.Name} is {rate.Value}; it must be between 1 and 100000."),
    ];
}
