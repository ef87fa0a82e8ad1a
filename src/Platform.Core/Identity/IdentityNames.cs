using System.Text.RegularExpressions;

namespace Platform.Core.Identity;

/// <summary>The shapes of user and team names: a user names a directory (the notebook work directory), a team is a DNS label.</summary>
public static partial class IdentityNames
{
    public const int MaxTeamsPerCaller = 32;

    public static bool IsUser(string? name) => name is not null && User().IsMatch(name);

    public static bool IsTeam(string? name) => name is not null && Team().IsMatch(name);

    public const string UserRule = "1 to 63 characters of a-z, 0-9, '.', '_' and '-', starting with a letter or digit";

    public const string TeamRule = "a lowercase DNS label: 1 to 63 characters of a-z, 0-9 and '-', starting and ending with a letter or digit";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,62}\z")]
    private static partial Regex User();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\z")]
    private static partial Regex Team();
}
