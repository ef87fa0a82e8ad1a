using Microsoft.Extensions.Options;
using Platform.Core.Scheduling;

namespace Platform.Grains.Scheduling;

/// <summary>
/// Stops start-up when the sharing settings (pools, team quotas, cohorts) are given: they are
/// checked, but the scheduler does not apply them yet, and an admin must not believe a quota holds
/// that does not. Goes when issue 13 wires the sharing planner into the scheduler.
/// </summary>
public sealed class SharingNotEnforced : IValidateOptions<SchedulingOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = new[]
        {
            ("Pools", options.Pools.Count), ("TeamQuotas", options.TeamQuotas.Count), ("Cohorts", options.Cohorts.Count),
        }.Where(setting => setting.Item2 > 0).Select(setting => $"{SchedulingOptions.Section}:{setting.Item1}").ToList();
        return given.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{string.Join(", ", given)}: pools, team quotas and cohorts are not enforced by the scheduler yet; remove them (the scheduler places by priority class, then age).");
    }
}
