using Platform.Core.Scheduling;

namespace Platform.Core.Tests.Scheduling;

/// <summary>Which class a job of a team gets, and the refusals that name the classes the team may use.</summary>
public sealed class PriorityClassPolicyTests
{
    // "vision" may use high; "infra" only urgent; every other team the defaults (low, normal).
    private static readonly PriorityClassPolicy _policy = new SchedulingOptions
    {
        PriorityClasses =
        [
            new() { Name = "low", Value = 0, Preemptible = true },
            new() { Name = "normal", Value = 100 },
            new() { Name = "high", Value = 1000 },
            new() { Name = "urgent", Value = 100_000 },
        ],
        Teams = new(StringComparer.Ordinal)
        {
            ["vision"] = new() { PriorityClasses = ["low", "normal", "high"] },
            ["infra"] = new() { PriorityClasses = ["urgent"] },
            ["listed-without-classes"] = new(),
        },
    }.Policy();

    public static TheoryData<string, string?, string, int> Resolved => new()
    {
        { "absent: the default class", null, "default", 100 },
        { "a default class the team may use", "low", "default", 0 },
        { "a listed team's extra class", "high", "vision", 1000 },
        { "a listed team's default", null, "vision", 100 },
        { "a team listed without classes takes the defaults", "normal", "listed-without-classes", 100 },
        { "an unlisted team takes the defaults", "low", "someone-else", 0 },
    };

    [Theory, MemberData(nameof(Resolved))]
    public void Allowed_class_resolves_to_its_value(string why, string? className, string team, int value)
    {
        var resolution = _policy.Resolve(className, team);

        Assert.True(resolution.Error is null, $"{why}: {resolution.Error}");
        Assert.Equal(value, resolution.Class?.Value);
        Assert.Equal(className ?? SchedulingOptions.DefaultClassName, resolution.Class?.Name);
    }

    public static TheoryData<string, string?, string, string> Refused => new()
    {
        { "unknown class", "critical", "vision", "there is no priority class 'critical'; team 'vision' may use: low, normal, high" },
        { "a class of another team", "high", "default", "priority class 'high' is not one the job's team may use; team 'default' may use: low, normal" },
        { "a class of another team, unlisted team", "urgent", "nlp", "team 'nlp' may use: low, normal" },
        { "the default class a team may not use", null, "infra", "the default priority class 'normal' is not one the job's team may use; team 'infra' may use: urgent" },
        { "names are case-sensitive", "High", "vision", "there is no priority class 'High'" },
        { "empty name", "", "vision", "there is no priority class ''" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Class_the_team_may_not_use_is_refused_with_the_classes_it_may(string why, string? className, string team, string message)
    {
        var resolution = _policy.Resolve(className, team);

        Assert.Null(resolution.Class);
        Assert.True(resolution.Error?.Contains(message, StringComparison.Ordinal) == true, $"{why}: {resolution.Error}");
    }

    [Fact]
    public void Built_in_policy_is_low_normal_high_with_normal_the_default_and_teams_limited_to_low_and_normal()
    {
        var policy = PriorityClassPolicy.BuiltIn;

        Assert.Equal(new PriorityClass("normal", 100, false), policy.DefaultClass);
        Assert.Equal(["low", "normal"], policy.AllowedFor("any-team"));
        Assert.Equal(new PriorityClass("low", 0, true), policy.Resolve("low", "t").Class);
        Assert.Contains("may use: low, normal", policy.Resolve("high", "t").Error, StringComparison.Ordinal);
    }
}
