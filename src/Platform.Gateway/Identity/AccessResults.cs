using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Core.Identity;

namespace Platform.Gateway.Identity;

/// <summary>What an endpoint answers when <see cref="AccessPolicy"/> says no.</summary>
public static class AccessResults
{
    /// <summary>Null when allowed; else 404 for what the caller may not know of, 403 for what they may see but not do.</summary>
    public static ProblemHttpResult? Refusal(Caller caller, Act act, Resource resource, string what) => AccessPolicy.Decide(caller, act, resource) switch
    {
        Access.Allowed => null,
        Access.Hidden => NotFound(),
        _ => TypedResults.Problem(
            $"{caller.User} ({caller.Role.ToString().ToLowerInvariant()}) may not {Verb(act)} {what}; nothing was changed.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
    };

    /// <summary>
    /// The one 404 of a missing resource and of one the caller may not know of: the two read alike,
    /// and alike an unknown route ("There is nothing at PATH").
    /// </summary>
    public static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound);

    private static string Verb(Act act) => act switch
    {
        Act.Read => "read",
        Act.Create => "create",
        Act.Stop => "stop or remove",
        Act.Use => "use",
        Act.Drain => "drain",
        _ => act.ToString().ToLowerInvariant(),
    };
}
