using Platform.Core.Settings;
using Platform.Grains.Jobs;

namespace Platform.Grains.Tests.Settings;

/// <summary>Bad Platform:Jobs settings stop start-up with a message naming the key.</summary>
public sealed class JobSettingsTests
{
    public static TheoryData<string, string, string?> Retention => new()
    {
        { "30.00:00:00", "01:00:00", null },
        { "00:00:00", "00:00:01", null },
        { "-00:00:01", "01:00:00", "Platform:Jobs:Retention" },
        { "30.00:00:00", "00:00:00.5", "Platform:Jobs:PruneInterval" },
        { "30.00:00:00", "1.00:00:01", "Platform:Jobs:PruneInterval" },
    };

    [Theory]
    [MemberData(nameof(Retention))]
    public void Retention_settings_are_checked(string retention, string interval, string? named) =>
        AssertNamed(new JobRetentionOptions { Retention = TimeSpan.Parse(retention), PruneInterval = TimeSpan.Parse(interval) }, named);

    public static TheoryData<double, double, string?> Backoff => new()
    {
        { 10, 300, null },
        { 0, 0, null },
        { -1, 300, "Platform:Jobs:RestartBackoff" },
        { 10, 5, "Platform:Jobs:RestartBackoff" },
    };

    [Theory]
    [MemberData(nameof(Backoff))]
    public void Backoff_settings_are_checked(double initial, double max, string? named) =>
        AssertNamed(new RestartBackoffOptions { Initial = TimeSpan.FromSeconds(initial), Max = TimeSpan.FromSeconds(max) }, named);

    private static void AssertNamed<T>(T settings, string? named)
        where T : class, ICheckedSettings
    {
        var result = new SettingsValidator<T>().Validate(null, settings);
        if (named is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.True(result.Failed);
            Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
