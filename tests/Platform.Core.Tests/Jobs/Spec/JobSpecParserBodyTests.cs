using Platform.Core.Jobs.Spec;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>How the body is read: the content type picks the format, and an unreadable body is one error.</summary>
public sealed class JobSpecParserBodyTests
{
    private const string Yaml = "application/yaml";

    public static readonly TheoryData<string, string?> UnreadableBodies = new()
    {
        { "", null },
        { "   ", "application/json" },
        { "{", "application/json" },
        { """{"name":"job",}""", null },
        { "[]", null },
        { "null", null },
        { "42", null },
        { """{"name":"job","name":"other","replicas":{"worker":{}}}""", null },
        { "", Yaml },
        { "name: [job", Yaml },
        { "- name: job", Yaml },
        { "just text", Yaml },
        { "name: job\nname: other\n", Yaml },
        { "name: a\n---\nname: b\n", Yaml },
        { "name: *nowhere\n", Yaml },
        { "replicas: &loop [*loop]\n", Yaml },
        { "name: job\nreplicas:\n  worker: {}\n", "application/json" },
    };

    public static readonly TheoryData<string?, bool> ContentTypes = new()
    {
        { "application/yaml", true },
        { "application/yaml; charset=utf-8", true },
        { "Application/X-YAML", true },
        { "text/yaml", true },
        { "text/x-yaml ;charset=utf-8", true },
        { "application/json", false },
        { "application/json; charset=utf-8", false },
        { "text/plain", false },
        { "", false },
        { null, false },
    };

    [Theory, MemberData(nameof(UnreadableBodies))]
    public void Unreadable_body_is_refused_with_one_body_error(string body, string? contentType) =>
        JobSpecParserRefusalTests.AssertRefused(body, "body", contentType);

    [Theory, MemberData(nameof(ContentTypes))]
    public void Content_type_picks_yaml_or_json_ignoring_parameters(string? contentType, bool yaml) =>
        Assert.Equal(yaml, JobSpecParser.IsYaml(contentType));

    [Fact]
    public void Yaml_body_with_charset_parameter_is_read_as_yaml()
    {
        var result = JobSpecParser.Parse("name: job\nreplicas: { worker: {} }\n", "application/yaml; charset=utf-8");

        Assert.True(result.IsValid);
        Assert.Equal("job", result.Spec!.Name);
    }

    [Fact]
    public void Json_body_without_content_type_is_read_as_json()
    {
        var result = JobSpecParser.Parse("""{"name":"job","replicas":{"worker":{}}}""", null);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Malformed_json_error_carries_the_parser_message()
    {
        var error = JobSpecParserRefusalTests.AssertRefused("{\"name\": ", "body");

        Assert.Contains("not valid JSON", error.Message);
        Assert.Contains("LineNumber", error.Message);
    }

    [Fact]
    public void Malformed_yaml_error_says_where()
    {
        var error = JobSpecParserRefusalTests.AssertRefused("name: job\nreplicas: [worker\n", "body", Yaml);

        Assert.Contains("not valid YAML", error.Message);
        Assert.Contains("line", error.Message);
    }
}
