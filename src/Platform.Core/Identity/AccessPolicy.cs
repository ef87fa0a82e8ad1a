using Platform.Contracts.Identity;

namespace Platform.Core.Identity;

/// <summary>
/// Who may do what, for every door (REST, the hub, the notebook proxy): one table, so the doors
/// cannot disagree. Resources of a team the caller is not in, and other users' notebooks, are
/// <see cref="Access.Hidden"/> (404, their names do not leak); what the caller can see but not do is
/// <see cref="Access.Forbidden"/> (403).
/// </summary>
public static class AccessPolicy
{
    public static Access Decide(Caller caller, Act act, Resource resource)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(resource);
        return resource.Kind switch
        {
            ResourceKind.Job => Job(caller, act, resource.Team),
            ResourceKind.Notebook => Notebook(caller, act, resource.Owner),
            ResourceKind.Secret => Secret(caller, act, resource.Team),
            ResourceKind.Node or ResourceKind.Image => act == Act.Read || (caller.IsAdmin && act == Act.Drain) ? Access.Allowed : Access.Forbidden,
            ResourceKind.Token => caller.IsAdmin && act is Act.Read or Act.Create or Act.Stop ? Access.Allowed : Access.Forbidden,
            _ => Access.Forbidden,
        };
    }

    public static bool Allows(this Caller caller, Act act, Resource resource) => Decide(caller, act, resource) == Access.Allowed;

    private static Access Job(Caller caller, Act act, string? team)
    {
        if (act == Act.Create)
        {
            // The caller named the team in the spec: refusing says nothing they did not know.
            return caller.IsAdmin || (caller.Role == Role.Member && caller.IsIn(team)) ? Access.Allowed : Access.Forbidden;
        }

        if (!caller.IsAdmin && !caller.IsIn(team))
        {
            return Access.Hidden;
        }

        return act switch
        {
            Act.Read => Access.Allowed,
            Act.Stop when caller.Role >= Role.Member => Access.Allowed,
            _ => Access.Forbidden,
        };
    }

    private static Access Notebook(Caller caller, Act act, string? owner)
    {
        var owns = owner is not null && owner == caller.User;
        if (act == Act.Create)
        {
            return caller.Role >= Role.Member ? Access.Allowed : Access.Forbidden;
        }

        if (!owns && !caller.IsAdmin)
        {
            return Access.Hidden;
        }

        return act switch
        {
            Act.Read or Act.Stop => Access.Allowed,
            // Admins may end a notebook, never run code in someone else's.
            Act.Use when owns => Access.Allowed,
            _ => Access.Forbidden,
        };
    }

    private static Access Secret(Caller caller, Act act, string? team)
    {
        if (!caller.IsAdmin && !caller.IsIn(team))
        {
            return Access.Hidden;
        }

        return act switch
        {
            Act.Read => Access.Allowed,
            Act.Create or Act.Stop when caller.Role >= Role.Member => Access.Allowed,
            _ => Access.Forbidden,
        };
    }
}
