namespace Platform.Contracts.Identity;

/// <summary>What a user may do: viewers read their teams' resources, members also submit and cancel, admins do everything.</summary>
public enum Role
{
    Viewer,
    Member,
    Admin,
}
