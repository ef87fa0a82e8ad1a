using System.Text;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>
/// The body limits: size, nesting and YAML alias expansion are refused as one <c>body</c> error,
/// counted while parsing, before any tree is built past them (a stack overflow would end this
/// test process, not fail a test).
/// </summary>
public sealed class SpecBodyLimitsTests
{
    private const string Yaml = "application/yaml";
    private const string Valid = "name: job\nreplicas: { worker: {} }\n";

    public static readonly TheoryData<string, string?, string> Refused = new()
    {
        { new string('[', 200_000), Yaml, "deeper than 32" },
        { new string('[', 200_000), null, "not valid JSON" },
        { new string('{', 200_000), null, "not valid JSON" },
        { "a: " + new string('[', 200_000), Yaml, "deeper than 32" },
        { string.Concat(Enumerable.Repeat("- ", 200_000)) + "x", Yaml, "deeper than 32" },
        { string.Concat(Enumerable.Range(0, 40_000).Select(i => new string(' ', i % 40) + "a:\n")), Yaml, "deeper than 32" },
        { BillionLaughs(), Yaml, "more than 100000 YAML nodes" },
        { DeepAlias(), Yaml, "deeper than 32 levels once aliases are expanded" },
        { LongTextAliases(), Yaml, "characters of text" },
        { ManyAliases(1001), Yaml, "more than 1000 aliases" },
        { "a: &x [1, *x]\n", Yaml, "names no anchor" },
        { "a: *x\nb: &x 1\n", Yaml, "names no anchor" },
        { "? [a]\n: 1\n", Yaml, "keys must be plain" },
        { "x: &k a\n*k : 1\n", Yaml, "keys must be plain" },
        { "a: { b: 1, ---\nc: 0 }\n", Yaml, "scanner could not read it" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Body_past_a_limit_is_refused_as_a_body_error(string body, string? contentType, string message)
    {
        var error = JobSpecParserRefusalTests.AssertRefused(body, "body", contentType);

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, true)]
    public void Yaml_nesting_is_counted_to_32_levels(int depth, bool refused)
    {
        // The root mapping is level 1, an unknown field opens the rest.
        var body = Valid + "x: " + new string('[', depth - 1) + new string(']', depth - 1) + "\n";

        var error = Assert.Single(JobSpecParser.Parse(body, Yaml).Errors);

        Assert.Equal(refused ? "body" : "x", error.Field);
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, true)]
    public void Json_nesting_is_counted_to_32_levels(int depth, bool refused)
    {
        var body = SpecJson.Top("\"x\":" + new string('[', depth - 1) + new string(']', depth - 1));

        var error = Assert.Single(JobSpecParser.Parse(body, null).Errors);

        Assert.Equal(refused ? "body" : "x", error.Field);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(1001, true)]
    public void Yaml_aliases_are_counted_to_1000(int aliases, bool refused)
    {
        var error = Assert.Single(JobSpecParser.Parse(ManyAliases(aliases), Yaml).Errors);

        Assert.Equal(refused ? "body" : "x", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Yaml)]
    public void Body_of_exactly_one_mebibyte_is_read_and_one_byte_more_is_refused(string? contentType)
    {
        var valid = contentType is null ? SpecJson.Worker("{}") : Valid;
        var atLimit = valid + new string(' ', SpecLimits.MaxBodyBytes - valid.Length);

        Assert.Empty(JobSpecParser.Parse(atLimit, contentType).Errors);
        var error = JobSpecParserRefusalTests.AssertRefused(atLimit + " ", "body", contentType);
        Assert.Contains("larger than 1048576 bytes", error.Message);
    }

    [Fact]
    public void Body_size_is_counted_in_utf8_bytes_not_characters()
    {
        var body = SpecJson.Top($"\"env\":{{\"A\":\"{new string('é', SpecLimits.MaxBodyBytes / 2)}\"}}");

        Assert.True(body.Length < SpecLimits.MaxBodyBytes);
        JobSpecParserRefusalTests.AssertRefused(body, "body");
    }

    [Fact]
    public void A_parser_message_quoting_the_body_is_shortened()
    {
        var body = "n" + new string('x', 500_000);

        var error = JobSpecParserRefusalTests.AssertRefused(body, "body");

        Assert.True(error.Message.Length < 400, $"{error.Message.Length} characters");
        Assert.Contains("LineNumber", error.Message);
    }

    /// <summary>Facts, not theory rows: xunit would turn a lone surrogate in its data into U+FFFD.</summary>
    [Fact]
    public void Json_with_a_lone_surrogate_is_refused_as_a_body_error() =>
        Assert.Contains("lone surrogate at character 10", JobSpecParserRefusalTests.AssertRefused("{\"name\":\"a\uD800\"}", "body").Message);

    [Fact]
    public void Yaml_with_a_lone_surrogate_is_refused_as_a_body_error() =>
        Assert.Contains("lone surrogate", JobSpecParserRefusalTests.AssertRefused("name: \uDC00\n", "body", Yaml).Message);

    [Fact]
    public void Anchors_and_aliases_within_the_limits_are_expanded()
    {
        const string body = """
            name: job
            replicas:
              ps: { resources: &small { cpus: 0.5, memoryMb: 512 } }
              worker:
                count: &two 2
                resources: *small
            backoffLimit: *two
            """;

        var result = JobSpecParser.Parse(body, Yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(result.Spec!.Replicas["ps"].Resources, result.Spec.Replicas["worker"].Resources);
        Assert.Equal(0.5, result.Spec.Replicas["worker"].Resources.Cpus);
        Assert.Equal(2, result.Spec.BackoffLimit);
    }

    [Fact]
    public void An_anchor_defined_again_is_used_from_then_on()
    {
        var result = JobSpecParser.Parse("name: job\nreplicas: { worker: { count: &n 1 } }\nbackoffLimit: &n 7\nttlSecondsAfterFinished: *n\n", Yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(7, result.Spec!.TtlSecondsAfterFinished);
    }

    /// <summary>Nine levels of ten aliases each: 10^9 nodes if expanded.</summary>
    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10));
            yaml.Append($"a{level}: &a{level} [{previous}]\n");
        }

        return yaml.ToString();
    }

    /// <summary>A 20-level anchor used 20 levels down: 40 levels once expanded.</summary>
    private static string DeepAlias() =>
        "a: &deep " + new string('[', 20) + new string(']', 20) + "\nb: " + new string('[', 19) + "*deep" + new string(']', 19) + "\n";

    /// <summary>A 400,000-character string used three times: 1.6 Mi characters once expanded, from a 400 KB body.</summary>
    private static string LongTextAliases() =>
        $"a: &t {new string('x', 400_000)}\nb: *t\nc: *t\nd: *t\n";

    private static string ManyAliases(int count) =>
        Valid + "x: [&v 1, " + string.Join(", ", Enumerable.Repeat("*v", count)) + "]\n";
}
