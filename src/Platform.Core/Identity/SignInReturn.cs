namespace Platform.Core.Identity;

/// <summary>
/// Where the web UI goes after signing in at an identity provider: one of its own hash routes
/// (<c>#/jobs</c>), never another site. The gateway redirects to <c>/</c> followed by the route, so
/// a value that is not a route could make the gateway an open redirect or break its Location header.
/// </summary>
public static class SignInReturn
{
    /// <summary>The longest route accepted, checked before anything else.</summary>
    public const int MaxLength = 512;

    /// <summary>The route when none is asked for.</summary>
    public const string Default = "#/jobs";

    public const string Rule = "a hash route of the web UI: '#/' then printable ASCII without spaces";

    /// <summary>The route to return to, or why <paramref name="route"/> is not one.</summary>
    public static (string? Route, string? Problem) Check(string? route)
    {
        if (string.IsNullOrEmpty(route))
        {
            return (Default, null);
        }

        if (route.Length > MaxLength)
        {
            return (null, $"is {route.Length} characters; at most {MaxLength} are allowed");
        }

        return route.StartsWith("#/", StringComparison.Ordinal) && route.All(c => c is > ' ' and < (char)0x7F)
            ? (route, null)
            : (null, $"must be {Rule}");
    }
}
