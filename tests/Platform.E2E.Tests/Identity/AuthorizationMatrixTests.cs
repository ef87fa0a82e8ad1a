using System.Net;
using System.Net.Http.Json;
using Platform.E2E.Tests.Doors;

namespace Platform.E2E.Tests.Identity;

/// <summary>
/// The authorization matrix over real HTTP: every door, two teams, three roles, a JWT user and
/// every kind of stranger, against one platform.
/// </summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed class AuthorizationMatrixTests(IdentityFixture fixture)
{
    public static TheoryData<string, string, int> Cases => AuthorizationMatrix.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Caller_at_door_gets_what_the_policy_says(string caller, string door, int expected)
    {
        var request = await Doors.All[door](fixture, expected is >= 200 and < 300);
        using var message = request.Message();
        using var response = await fixture.Client(caller).SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == expected, $"{caller} at {door}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected == 401)
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Bearer");
        }
        else if (expected is 403 or 404)
        {
            await Problem.AssertAsync(response, (HttpStatusCode)expected);
        }

        if (expected >= 400 && request.Unchanged is not null)
        {
            await request.Unchanged();
        }
    }

    [Fact]
    public void Every_door_is_in_the_matrix() => Assert.Empty(AuthorizationMatrix.DoorsWithoutRow());

    public static TheoryData<string, int> SignIns => new()
    {
        { Callers.Admin, 200 }, { Callers.MemberA, 200 }, { Callers.ViewerA, 200 }, { Callers.MemberB, 200 }, { Callers.JwtMemberA, 200 },
        { Callers.BadToken, 401 }, { Callers.RevokedToken, 401 }, { Callers.ExpiredJwt, 401 }, { Callers.OtherKeyJwt, 401 },
        { Callers.WrongAudienceJwt, 401 }, { Callers.OwnerRoleJwt, 401 },
    };

    [Theory]
    [MemberData(nameof(SignIns))]
    public async Task Session_sign_in_takes_what_bearer_takes(string caller, int expected)
    {
        using var anonymous = fixture.Platform.ClientWith(null);
        using var response = await anonymous.PostAsJsonAsync("api/session", new { token = fixture.Bearers[caller] });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode == expected, $"signing in as {caller}: expected {expected}, got {(int)response.StatusCode}: {body}");
        if (expected == 200)
        {
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("platform.session=", StringComparison.Ordinal));
        }
        else
        {
            await Problem.AssertAsync(response, HttpStatusCode.Unauthorized);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies), $"a refused sign-in set a cookie: {string.Join("; ", cookies ?? [])}");
        }
    }
}
