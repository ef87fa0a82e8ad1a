using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Core.Tests.Identity;

public sealed class TokenRequestParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_complete_request_is_read()
    {
        var (request, errors) = TokenRequestParser.Parse(
            """{"user":"ann","role":"member","teams":["vision","vision","speech"],"expiresAt":"2027-01-31T00:00:00Z"}""", Now);

        Assert.Empty(errors);
        Assert.Equal("ann", request!.User);
        Assert.Equal(Role.Member, request.Role);
        Assert.Equal(["vision", "speech"], request.Teams);
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), request.ExpiresAt);
    }

    public static TheoryData<string, string, string> Refused => new()
    {
        { "no user", """{"role":"member","teams":["a"]}""", "user" },
        { "user with capitals", """{"user":"Ann","role":"member","teams":["a"]}""", "user" },
        { "user with a slash", """{"user":"../etc","role":"member","teams":["a"]}""", "user" },
        { "no role", """{"user":"ann","teams":["a"]}""", "role" },
        { "unknown role", """{"user":"ann","role":"owner","teams":["a"]}""", "role" },
        { "role in capitals", """{"user":"ann","role":"Admin","teams":["a"]}""", "role" },
        { "no team", """{"user":"ann","role":"member","teams":[]}""", "teams" },
        { "teams missing", """{"user":"ann","role":"member"}""", "teams" },
        { "team not a DNS label", """{"user":"ann","role":"member","teams":["Vision Team"]}""", "teams" },
        { "expiry in the past", """{"user":"ann","role":"member","teams":["a"],"expiresAt":"2020-01-01T00:00:00Z"}""", "expiresAt" },
        { "expiry not a time", """{"user":"ann","role":"member","teams":["a"],"expiresAt":"soon"}""", "expiresAt" },
        { "expiry too far", """{"user":"ann","role":"member","teams":["a"],"expiresAt":"2036-01-01T00:00:00Z"}""", "expiresAt" },
        { "unknown field", """{"user":"ann","role":"member","teams":["a"],"admin":true}""", "admin" },
        { "not an object", """["ann"]""", "body" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_requests_are_refused_naming_the_field(string name, string body, string field)
    {
        var (request, errors) = TokenRequestParser.Parse(body, Now);

        Assert.Null(request);
        Assert.True(errors.Any(error => error.Field == field), $"{name}: expected an error on '{field}', got {string.Join("; ", errors)}");
    }

    [Fact]
    public void Too_many_teams_are_refused()
    {
        var teams = string.Join(',', Enumerable.Range(0, IdentityNames.MaxTeamsPerCaller + 1).Select(i => $"\"t{i}\""));
        var (request, errors) = TokenRequestParser.Parse($$"""{"user":"ann","role":"member","teams":[{{teams}}]}""", Now);

        Assert.Null(request);
        Assert.Contains(errors, error => error.Field == "teams");
    }
}
