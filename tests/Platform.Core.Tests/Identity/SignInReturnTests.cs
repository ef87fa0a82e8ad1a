using Platform.Core.Identity;

namespace Platform.Core.Tests.Identity;

public sealed class SignInReturnTests
{
    public static TheoryData<string?, string?> Routes => new()
    {
        { null, "#/jobs" },
        { "", "#/jobs" },
        { "#/jobs", "#/jobs" },
        { "#/jobs/train-1%20a", "#/jobs/train-1%20a" },
        { "#/notebooks", "#/notebooks" },
        { "#/" + new string('a', SignInReturn.MaxLength - 2), "#/" + new string('a', SignInReturn.MaxLength - 2) },
    };

    public static TheoryData<string, string> Refused => new()
    {
        { "https://evil.example/", "must be a hash route" },
        { "//evil.example/#/jobs", "must be a hash route" },
        { "/\\evil.example", "must be a hash route" },
        { "jobs", "must be a hash route" },
        { "#jobs", "must be a hash route" },
        { "#/jobs\r\nSet-Cookie: a=b", "must be a hash route" },
        { "#/jobs x", "must be a hash route" },
        { "#/jöbs", "must be a hash route" },
        { "#/" + new string('a', SignInReturn.MaxLength - 1), $"is {SignInReturn.MaxLength + 1} characters; at most {SignInReturn.MaxLength}" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void A_route_of_the_web_ui_is_returned_to(string? asked, string? expected)
    {
        var (route, problem) = SignInReturn.Check(asked);

        Assert.Null(problem);
        Assert.Equal(expected, route);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused_saying_why(string asked, string message)
    {
        var (route, problem) = SignInReturn.Check(asked);

        Assert.Null(route);
        Assert.StartsWith(message, problem);
    }
}
