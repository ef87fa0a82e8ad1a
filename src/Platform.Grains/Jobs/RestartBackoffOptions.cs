using Platform.Core.Jobs.Lifecycle;
using Platform.Core.Settings;

namespace Platform.Grains.Jobs;

/// <summary>The <c>Platform:Jobs:RestartBackoff</c> section (see <see cref="RestartBackoff"/>).</summary>
public sealed class RestartBackoffOptions : ICheckedSettings
{
    public const string Section = "Platform:Jobs:RestartBackoff";

    public TimeSpan Initial { get; set; } = RestartBackoff.Default.Initial;

    public TimeSpan Max { get; set; } = RestartBackoff.Default.Max;

    public TimeSpan ResetAfter { get; set; } = RestartBackoff.Default.ResetAfter;

    public RestartBackoff Policy => new(Initial, Max, ResetAfter);

    public IReadOnlyList<string> Problems() => Policy.Problem() is { } problem ? [$"{Section}: {problem}"] : [];
}
