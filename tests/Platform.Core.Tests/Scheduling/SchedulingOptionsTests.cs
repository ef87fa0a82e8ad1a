using Platform.Core.Scheduling;
using Platform.Core.Settings;

namespace Platform.Core.Tests.Scheduling;

/// <summary>Bad priority-class settings stop start-up with a message naming the key.</summary>
public sealed class SchedulingOptionsTests
{
    private static PriorityClassSettings Class(string name, int value, bool preemptible = false) =>
        new() { Name = name, Value = value, Preemptible = preemptible };

    public static TheoryData<string, SchedulingOptions, string?> Cases => new()
    {
        { "the built-in defaults", new SchedulingOptions(), null },
        { "classes at the value bounds", new SchedulingOptions
            {
                PriorityClasses = [Class("low", -1_000_000), Class("normal", 1_000_000)],
            }, null },
        { "equal values, one preemptible", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0, preemptible: true), Class("normal", 0)],
            }, null },
        { "a team naming a configured class", new SchedulingOptions
            {
                Teams = new() { ["vision"] = new() { PriorityClasses = ["high"] } },
            }, null },
        { "a name that is not a DNS label", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0), Class("normal", 100), Class("High", 1000)],
            }, "Platform:Scheduling:PriorityClasses:2:Name 'High' is not a lowercase DNS label" },
        { "an empty name", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0), Class("normal", 100), Class("", 1000)],
            }, "Platform:Scheduling:PriorityClasses:2:Name '' is not a lowercase DNS label" },
        { "a value past the bound", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0), Class("normal", 1_000_001)],
            }, "Platform:Scheduling:PriorityClasses:1:Value must be between -1000000 and 1000000, got 1000001" },
        { "a value below the bound", new SchedulingOptions
            {
                PriorityClasses = [Class("low", -1_000_001), Class("normal", 0)],
            }, "Platform:Scheduling:PriorityClasses:0:Value must be between -1000000 and 1000000" },
        { "a name used twice", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0), Class("normal", 100), Class("normal", 200)],
            }, "Platform:Scheduling:PriorityClasses:2:Name 'normal' is used by two priority classes" },
        { "one class under two names", new SchedulingOptions
            {
                PriorityClasses = [Class("low", 0), Class("normal", 100), Class("standard", 100)],
            }, "Platform:Scheduling:PriorityClasses:2:Value 100 is also the value of 'normal'" },
        { "a default class that does not exist", new SchedulingOptions { DefaultPriorityClass = "medium" },
            "Platform:Scheduling:DefaultPriorityClass 'medium' is not one of the priority classes: low, normal, high" },
        { "team defaults naming no class", new SchedulingOptions
            {
                TeamDefaults = new() { PriorityClasses = ["low", "best-effort"] },
            }, "Platform:Scheduling:TeamDefaults:PriorityClasses names 'best-effort', which is not a priority class" },
        { "built-in team defaults missing from configured classes", new SchedulingOptions
            {
                PriorityClasses = [Class("normal", 100), Class("batch", 10)],
            }, "Platform:Scheduling:TeamDefaults:PriorityClasses names 'low'" },
        { "a team naming no class", new SchedulingOptions
            {
                Teams = new() { ["vision"] = new() { PriorityClasses = ["high", "urgent"] } },
            }, "Platform:Teams:vision:PriorityClasses names 'urgent', which is not a priority class; classes: low, normal, high" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Scheduling_settings_are_checked(string why, SchedulingOptions options, string? message)
    {
        var result = new SettingsValidator<SchedulingOptions>().Validate(null, options);

        if (message is null)
        {
            Assert.True(result.Succeeded, $"{why}: {result.FailureMessage}");
            Assert.NotNull(options.Policy().DefaultClass);
        }
        else
        {
            Assert.True(result.Failed, why);
            Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
