using Platform.Contracts.Identity;

namespace Platform.Core.Identity;

/// <summary>Roles as the API and tokens write them: <c>admin</c>, <c>member</c>, <c>viewer</c>.</summary>
public static class Roles
{
    public static readonly IReadOnlyList<string> Names = ["admin", "member", "viewer"];

    public static bool TryParse(string? name, out Role role)
    {
        (var known, role) = name switch
        {
            "admin" => (true, Role.Admin),
            "member" => (true, Role.Member),
            "viewer" => (true, Role.Viewer),
            _ => (false, Role.Viewer),
        };
        return known;
    }

    public static string Name(Role role) => role.ToString().ToLowerInvariant();
}
