using Platform.Contracts.Identity;
using Platform.Core.Identity;

namespace Platform.Core.Tests.Identity;

public sealed class AccessPolicyTests
{
    private static readonly Caller Ann = new("ann", Role.Member, ["vision"]);
    private static readonly Caller Vic = new("vic", Role.Viewer, ["vision"]);
    private static readonly Caller Bob = new("bob", Role.Member, ["speech"]);
    private static readonly Caller Zed = new("zed", Role.Viewer, ["speech"]);
    private static readonly Caller Root = new("root", Role.Admin, ["ops"]);
    private static readonly Caller Both = new("bea", Role.Member, ["speech", "vision"]);

    public static TheoryData<string, Caller, Act, Resource, Access> Cases => new()
    {
        // Jobs: a team's jobs are its own; others' are not even there.
        { "member reads own team's job", Ann, Act.Read, Resource.Job("vision"), Access.Allowed },
        { "viewer reads own team's job", Vic, Act.Read, Resource.Job("vision"), Access.Allowed },
        { "member of another team does not see the job", Bob, Act.Read, Resource.Job("vision"), Access.Hidden },
        { "viewer of another team does not see the job", Zed, Act.Read, Resource.Job("vision"), Access.Hidden },
        { "admin reads any team's job", Root, Act.Read, Resource.Job("vision"), Access.Allowed },
        { "job without a team is seen by admins only", Ann, Act.Read, Resource.Job(null), Access.Hidden },
        { "admin sees a job without a team", Root, Act.Read, Resource.Job(null), Access.Allowed },
        { "member of two teams reads either", Both, Act.Read, Resource.Job("vision"), Access.Allowed },
        { "member submits to own team", Ann, Act.Create, Resource.Job("vision"), Access.Allowed },
        { "member submits to another team: forbidden, not hidden", Ann, Act.Create, Resource.Job("speech"), Access.Forbidden },
        { "viewer cannot submit even to own team", Vic, Act.Create, Resource.Job("vision"), Access.Forbidden },
        { "admin submits to any team", Root, Act.Create, Resource.Job("vision"), Access.Allowed },
        { "member cancels own team's job", Ann, Act.Stop, Resource.Job("vision"), Access.Allowed },
        { "viewer cannot cancel own team's job", Vic, Act.Stop, Resource.Job("vision"), Access.Forbidden },
        { "member cannot cancel another team's job, nor learn it exists", Bob, Act.Stop, Resource.Job("vision"), Access.Hidden },
        { "admin cancels any job", Root, Act.Stop, Resource.Job("speech"), Access.Allowed },
        { "a job is not drained", Ann, Act.Drain, Resource.Job("vision"), Access.Forbidden },

        // Notebooks: the owner's alone; admins may see and stop them, never use them.
        { "owner reads own notebook", Ann, Act.Read, Resource.Notebook("ann"), Access.Allowed },
        { "owner uses own notebook", Ann, Act.Use, Resource.Notebook("ann"), Access.Allowed },
        { "owner stops own notebook", Ann, Act.Stop, Resource.Notebook("ann"), Access.Allowed },
        { "teammate does not see another user's notebook", Vic, Act.Read, Resource.Notebook("ann"), Access.Hidden },
        { "teammate cannot use another user's notebook", Vic, Act.Use, Resource.Notebook("ann"), Access.Hidden },
        { "other member cannot stop another user's notebook", Bob, Act.Stop, Resource.Notebook("ann"), Access.Hidden },
        { "admin sees any notebook", Root, Act.Read, Resource.Notebook("ann"), Access.Allowed },
        { "admin stops any notebook", Root, Act.Stop, Resource.Notebook("ann"), Access.Allowed },
        { "admin cannot run code in another user's notebook", Root, Act.Use, Resource.Notebook("ann"), Access.Forbidden },
        { "admin uses own notebook", Root, Act.Use, Resource.Notebook("root"), Access.Allowed },
        { "member starts a notebook", Ann, Act.Create, Resource.Notebook("ann"), Access.Allowed },
        { "viewer cannot start a notebook", Vic, Act.Create, Resource.Notebook("vic"), Access.Forbidden },

        // Nodes and images: every signed-in user reads; admins drain.
        { "viewer lists nodes", Zed, Act.Read, Resource.Node, Access.Allowed },
        { "member lists images", Ann, Act.Read, Resource.Image, Access.Allowed },
        { "member cannot drain a node", Ann, Act.Drain, Resource.Node, Access.Forbidden },
        { "admin drains a node", Root, Act.Drain, Resource.Node, Access.Allowed },
        { "nobody stops an image", Root, Act.Stop, Resource.Image, Access.Forbidden },

        // Tokens: admins only.
        { "admin creates a token", Root, Act.Create, Resource.Token, Access.Allowed },
        { "admin lists tokens", Root, Act.Read, Resource.Token, Access.Allowed },
        { "admin revokes a token", Root, Act.Stop, Resource.Token, Access.Allowed },
        { "member cannot create a token", Ann, Act.Create, Resource.Token, Access.Forbidden },
        { "member cannot list tokens", Ann, Act.Read, Resource.Token, Access.Forbidden },
        { "viewer cannot revoke a token", Vic, Act.Stop, Resource.Token, Access.Forbidden },

        // Team secrets: written by the team's members, listed by the team, hidden from others.
        { "member writes own team's secret", Ann, Act.Create, Resource.Secrets("vision"), Access.Allowed },
        { "viewer lists own team's secret names", Vic, Act.Read, Resource.Secrets("vision"), Access.Allowed },
        { "viewer cannot write own team's secret", Vic, Act.Create, Resource.Secrets("vision"), Access.Forbidden },
        { "member of another team does not see the secrets", Bob, Act.Read, Resource.Secrets("vision"), Access.Hidden },
        { "member of another team cannot write the secrets", Bob, Act.Create, Resource.Secrets("vision"), Access.Hidden },
        { "member deletes own team's secret", Ann, Act.Stop, Resource.Secrets("vision"), Access.Allowed },
        { "admin writes any team's secret", Root, Act.Create, Resource.Secrets("speech"), Access.Allowed },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_by_role_team_and_owner(string name, Caller caller, Act act, Resource resource, Access expected)
    {
        Assert.True(AccessPolicy.Decide(caller, act, resource) == expected,
            $"{name}: {caller.User} ({caller.Role}, {string.Join('/', caller.Teams)}) {act} {resource} -> {AccessPolicy.Decide(caller, act, resource)}, expected {expected}");
    }
}
