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
        Access.Hidden => NotFound(what),
        _ => TypedResults.Problem(
            $"{caller.User} ({caller.Role.ToString().ToLowerInvariant()}) may not {Verb(act)} {what}; nothing was changed.",
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
    };

    /// <summary>The one 404 of a missing resource and of one the caller may not know of: the two must read alike.</summary>
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem($"There is no {what}.", statusCode: StatusCodes.Status404NotFound, title: "Not found");

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
