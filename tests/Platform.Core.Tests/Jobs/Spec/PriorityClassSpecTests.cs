using Platform.Contracts.Jobs;
using Platform.Core.Jobs.Spec;
using Platform.Core.Scheduling;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>
/// <c>priorityClass</c> (API version 3): a name the job's team may use, resolved and stored with its
/// value at submit; the raw <c>priority</c> number is refused with a message naming priorityClass.
/// </summary>
public sealed class PriorityClassSpecTests
{
    private static readonly SpecContext _context = new(
        new ImageAllowList(["platform/*"]), [],
        new SchedulingOptions { Teams = new() { ["vision"] = new() { PriorityClasses = ["normal", "high"] } } }.Policy());

    public static TheoryData<string> RawPriorities => new()
    {
        SpecJson.Top("\"priority\":0"),
        SpecJson.Top("\"priority\":1000"),
        SpecJson.Top("\"priority\":1.5"),
        SpecJson.Top("\"priority\":null"),
        SpecJson.Top("\"priority\":\"high\""),
    };

    [Theory, MemberData(nameof(RawPriorities))]
    public void Raw_priority_is_refused_pointing_to_priorityClass(string body)
    {
        var error = JobSpecParserRefusalTests.AssertRefused(body, "priority");

        Assert.Contains("priorityClass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_priority_in_yaml_is_refused_too()
    {
        var error = JobSpecParserRefusalTests.AssertRefused("name: job\nreplicas: {worker: {}}\npriority: 5\n", "priority", "application/yaml");

        Assert.Contains("priorityClass", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> BadTypes => new()
    {
        SpecJson.Top("\"priorityClass\":100"),
        SpecJson.Top("\"priorityClass\":[\"high\"]"),
        SpecJson.Top($"\"priorityClass\":\"{new string('p', SpecLimits.MaxPriorityClassLength + 1)}\""),
    };

    [Theory, MemberData(nameof(BadTypes))]
    public void Priority_class_that_is_no_short_string_is_refused(string body) =>
        JobSpecParserRefusalTests.AssertRefused(body, "priorityClass");

    public static TheoryData<string, string?, string, int> Accepted => new()
    {
        { "absent, no team: the default class", null, "normal", 100 },
        { "a default class, no team", "\"priorityClass\":\"low\"", "low", 0 },
        { "a class of the team", "\"team\":\"vision\",\"priorityClass\":\"high\"", "high", 1000 },
        { "absent, listed team: the default class", "\"team\":\"vision\"", "normal", 100 },
    };

    [Theory, MemberData(nameof(Accepted))]
    public void Accepted_spec_is_stored_with_its_class_and_value(string why, string? fields, string className, int value)
    {
        var result = Check(fields);

        Assert.True(result.IsValid, $"{why}: {string.Join("; ", result.Errors)}");
        Assert.Equal((className, value), (result.Spec!.PriorityClass, result.Spec.PriorityValue));
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "unknown class", "\"priorityClass\":\"urgent\"", "there is no priority class 'urgent'; team 'default' may use: low, normal" },
        { "a class the team may not use", "\"priorityClass\":\"high\"", "team 'default' may use: low, normal" },
        { "a default class a listed team may not use", "\"team\":\"vision\",\"priorityClass\":\"low\"", "team 'vision' may use: normal, high" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Class_the_team_may_not_use_is_refused_on_priorityClass(string why, string fields, string message)
    {
        var result = Check(fields);

        Assert.Null(result.Spec);
        var error = Assert.Single(result.Errors);
        Assert.Equal("priorityClass", error.Field);
        Assert.True(error.Message.Contains(message, StringComparison.Ordinal), $"{why}: {error.Message}");
    }

    [Fact]
    public void Priority_class_error_comes_with_the_other_errors()
    {
        var spec = JobSpecParser.Parse(SpecJson.Top("\"image\":\"evil/miner\",\"priorityClass\":\"high\""), null).Spec!;

        var errors = JobSpecValidator.Validate(spec, _context);

        Assert.Equal(["image", "priorityClass"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Without_a_configured_policy_the_built_in_classes_apply()
    {
        var spec = JobSpecParser.Parse(SpecJson.Top("\"image\":\"platform/x\""), null).Spec!;

        var result = JobSpecValidator.Check(spec, new SpecContext(new ImageAllowList(["platform/*"]), []));

        Assert.Equal((JobSpecDefaults.Team, "normal", 100), (result.Spec?.Team ?? JobSpecDefaults.Team, result.Spec?.PriorityClass, result.Spec?.PriorityValue));
    }

    private static SpecResult Check(string? fields)
    {
        var body = SpecJson.Top("\"image\":\"platform/x\"" + (fields is null ? "" : "," + fields));
        var parsed = JobSpecParser.Parse(body, null);
        Assert.True(parsed.IsValid, string.Join("; ", parsed.Errors));
        return JobSpecValidator.Check(parsed.Spec!, _context);
    }
}
