namespace Platform.E2E.Tests.Identity;

/// <summary>The callers of the identity tests: three roles in two teams, a JWT user, and strangers the platform must refuse.</summary>
public static class Callers
{
    public const string TeamA = "team-a";
    public const string TeamB = "team-b";

    /// <summary>The admin token of the first start (team <c>default</c>).</summary>
    public const string Admin = "admin";

    /// <summary>ann, member of team-a; she owns <see cref="IdentityFixture.JobA"/> and <see cref="IdentityFixture.NotebookA"/>.</summary>
    public const string MemberA = "member-a";

    /// <summary>vic, viewer of team-a.</summary>
    public const string ViewerA = "viewer-a";

    /// <summary>bob, member of team-b; he owns <see cref="IdentityFixture.JobB"/>.</summary>
    public const string MemberB = "member-b";

    /// <summary>jill, member of team-a by a JWT the test's identity provider signed.</summary>
    public const string JwtMemberA = "jwt-member-a";

    public const string NoToken = "no-token";
    public const string BadToken = "bad-token";
    public const string RevokedToken = "revoked-token";
    public const string ExpiredJwt = "jwt-expired";
    public const string OtherKeyJwt = "jwt-other-key";
    public const string WrongAudienceJwt = "jwt-wrong-audience";
    public const string OwnerRoleJwt = "jwt-role-owner";

    public static readonly string[] SignedIn = [Admin, MemberA, ViewerA, MemberB, JwtMemberA];

    public static readonly string[] Strangers = [NoToken, BadToken, RevokedToken, ExpiredJwt, OtherKeyJwt, WrongAudienceJwt, OwnerRoleJwt];
}
