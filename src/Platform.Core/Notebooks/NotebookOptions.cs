namespace Platform.Core.Notebooks;

/// <summary>The <c>Platform:Notebooks</c> section: the default image, idle culling and its clock, the notebooks' origins.</summary>
public sealed class NotebookOptions : Settings.ICheckedSettings
{
    public const string Section = "Platform:Notebooks";
    public const string DefaultImage = "platform/jupyter:4.0-cpu";
    public const int DefaultIdleTimeoutMinutes = 60;
    public const double DefaultMinuteSeconds = 60;
    public const double DefaultCheckSeconds = 30;
    public const double DefaultReadyTimeoutSeconds = 180;
    public const int DefaultStopGraceSeconds = 10;
    public const string DefaultOriginDomain = "";

    /// <summary>The image of a notebook whose request names none.</summary>
    public string Image { get; set; } = DefaultImage;

    /// <summary>The idle timeout of a notebook whose request names none.</summary>
    public int IdleTimeoutMinutes { get; set; } = DefaultIdleTimeoutMinutes;

    /// <summary>How many seconds one minute of <c>idleTimeoutMinutes</c> lasts: 60, lowered only to test culling.</summary>
    public double MinuteSeconds { get; set; } = DefaultMinuteSeconds;

    /// <summary>How often a Ready notebook's kernels are asked about and the idle rule applied.</summary>
    public double CheckSeconds { get; set; } = DefaultCheckSeconds;

    /// <summary>How long Jupyter may take, once its container runs, to answer; past it the notebook fails.</summary>
    public double ReadyTimeoutSeconds { get; set; } = DefaultReadyTimeoutSeconds;

    /// <summary>Seconds between SIGTERM and kill when a notebook is stopped or culled.</summary>
    public int StopGraceSeconds { get; set; } = DefaultStopGraceSeconds;

    /// <summary>
    /// When set (e.g. <c>platform.example.org</c>, or <c>localhost</c> on one machine), each notebook is
    /// served on its own origin <c>{scheme}://{id}.{OriginDomain}:{port}/notebooks/{id}/</c>, so its pages
    /// cannot read the gateway or another notebook; the web UI is then expected at <c>OriginDomain</c>
    /// itself, where sign-in to a notebook starts. Empty (the default): notebooks are served under
    /// <c>/notebooks/{id}/</c> on the gateway's own origin.
    /// </summary>
    public string OriginDomain { get; set; } = DefaultOriginDomain;

    public bool SeparateOrigins => !string.IsNullOrEmpty(OriginDomain);

    public TimeSpan Minute => TimeSpan.FromSeconds(MinuteSeconds);

    public TimeSpan CheckInterval => TimeSpan.FromSeconds(CheckSeconds);

    /// <summary>What is wrong with these options, each message naming the key and the allowed range; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Image))
        {
            problems.Add($"{Section}:Image must name an image.");
        }

        if (IdleTimeoutMinutes is < 1 or > NotebookRequestParser.MaxIdleTimeoutMinutes)
        {
            problems.Add($"{Section}:IdleTimeoutMinutes must be between 1 and {NotebookRequestParser.MaxIdleTimeoutMinutes}, got {IdleTimeoutMinutes}.");
        }

        Positive(problems, nameof(MinuteSeconds), MinuteSeconds);
        Positive(problems, nameof(CheckSeconds), CheckSeconds);
        Positive(problems, nameof(ReadyTimeoutSeconds), ReadyTimeoutSeconds);
        if (StopGraceSeconds < 0)
        {
            problems.Add($"{Section}:StopGraceSeconds must be 0 or more, got {StopGraceSeconds}.");
        }

        if (!string.IsNullOrEmpty(OriginDomain) && !NotebookOrigins.IsDomain(OriginDomain))
        {
            problems.Add($"{Section}:OriginDomain must be empty or a lowercase DNS name without a port ({NotebookOrigins.DomainRule}), got '{OriginDomain}'.");
        }

        return problems;
    }

    private static void Positive(List<string> problems, string name, double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            problems.Add($"{Section}:{name} must be more than 0, got {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }
}
