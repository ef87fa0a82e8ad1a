using Platform.Contracts.Identity;

namespace Platform.Core.Identity;

/// <summary>Who is asking: a signed-in user with one role and the teams they belong to.</summary>
public sealed record Caller(string User, Role Role, IReadOnlyList<string> Teams)
{
    public bool IsAdmin => Role == Role.Admin;

    public bool IsIn(string? team) => team is not null && Teams.Contains(team, StringComparer.Ordinal);
}
