using Platform.Core.Jobs.Lifecycle;

namespace Platform.Grains.Jobs;

/// <summary>The <c>Platform:Jobs:RestartBackoff</c> section (see <see cref="RestartBackoff"/>).</summary>
public sealed class RestartBackoffOptions
{
    public const string Section = "Platform:Jobs:RestartBackoff";

    public TimeSpan Initial { get; set; } = RestartBackoff.Default.Initial;

    public TimeSpan Max { get; set; } = RestartBackoff.Default.Max;

    public TimeSpan ResetAfter { get; set; } = RestartBackoff.Default.ResetAfter;

    public RestartBackoff Policy => new(Initial, Max, ResetAfter);
}
