using Platform.Core.Secrets;

namespace Platform.Core.Tests.Secrets;

public sealed class SecretRequestParserTests
{
    [Theory]
    [InlineData("DB_PASSWORD")]
    [InlineData("db-password")]
    [InlineData("hf.token")]
    [InlineData("_x")]
    [InlineData("0abc")]
    public void A_name_and_a_value_are_read(string name)
    {
        var (request, errors) = SecretRequestParser.Parse($$"""{"name":"{{name}}","value":"s3cret \u00e9\n"}""");

        Assert.Empty(errors);
        Assert.Equal(name, request!.Name);
        Assert.Equal("s3cret é\n", request.Value);
        Assert.DoesNotContain("s3cret", request.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "no name", """{"value":"v"}""", "name" },
        { "an empty name", """{"name":"","value":"v"}""", "name" },
        { "a name with a slash", """{"name":"a/b","value":"v"}""", "name" },
        { "a name with a space", """{"name":"a b","value":"v"}""", "name" },
        { "a name starting with '-'", """{"name":"-a","value":"v"}""", "name" },
        { "a name starting with '.'", """{"name":".a","value":"v"}""", "name" },
        { "a name of 64 characters", $$"""{"name":"{{new string('a', 64)}}","value":"v"}""", "name" },
        { "a number for a name", """{"name":5,"value":"v"}""", "name" },
        { "no value", """{"name":"a"}""", "value" },
        { "a null value", """{"name":"a","value":null}""", "value" },
        { "an empty value", """{"name":"a","value":""}""", "value" },
        { "a number for a value", """{"name":"a","value":5}""", "value" },
        { "a NUL in the value", """{"name":"a","value":"a\u0000b"}""", "value" },
        { "a value over 64 KiB", $$"""{"name":"a","value":"{{new string('x', SecretLimits.MaxValueBytes + 1)}}"}""", "value" },
        { "a value over 64 KiB in UTF-8 bytes", $$"""{"name":"a","value":"{{new string('é', SecretLimits.MaxValueBytes / 2 + 1)}}"}""", "value" },
        { "an unknown field", """{"name":"a","value":"v","team":"x"}""", "team" },
        { "not an object", """["a","v"]""", "body" },
        { "not JSON", """name=a""", "body" },
        { "an empty body", "", "body" },
        { "a body over the limit", new string(' ', SecretLimits.MaxBodyBytes + 1), "body" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_requests_are_refused_naming_the_field(string what, string body, string field)
    {
        var (request, errors) = SecretRequestParser.Parse(body);

        Assert.Null(request);
        Assert.True(errors.Any(error => error.Field == field), $"{what}: expected an error on '{field}', got {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_largest_value_is_accepted()
    {
        var (request, errors) = SecretRequestParser.Parse($$"""{"name":"a","value":"{{new string('x', SecretLimits.MaxValueBytes)}}"}""");

        Assert.Empty(errors);
        Assert.Equal(SecretLimits.MaxValueBytes, request!.Value.Length);
    }

    [Fact]
    public void An_error_never_quotes_the_value()
    {
        var (_, errors) = SecretRequestParser.Parse("""{"name":"bad name","value":"hunter2-secret","extra":1}""");

        Assert.NotEmpty(errors);
        Assert.All(errors, error => Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal));
    }
}
