namespace Platform.E2E.Tests.Identity;

/// <summary>
/// What each caller gets at each door: one row per door, one column per signed-in caller
/// (null: not part of the matrix, another test covers it). Every stranger (no token, a bad,
/// revoked or expired token, a JWT of another key, audience or an unknown role) gets 401 everywhere.
/// </summary>
public static class AuthorizationMatrix
{
    private static readonly (string Door, int? Admin, int? MemberA, int? ViewerA, int? MemberB, int? JwtMemberA)[] Rows =
    [
        // A spec may name only one of the caller's teams; admins may name any; viewers submit nothing.
        ("POST /api/jobs (team-a)", 201, 201, 403, 403, 201),
        ("POST /api/jobs (team-b)", 201, 403, 403, 201, 403),
        ("POST /api/jobs (no team)", 201, 201, 403, 201, 201),
        ("GET /api/jobs", 200, 200, 200, 200, 200),
        // Another team's job is not there: the same 404 as a job that never was.
        ("GET /api/jobs/{a}", 200, 200, 200, 404, 200),
        ("GET /api/jobs/{b}", 200, 404, 404, 200, 404),
        ("GET /api/jobs/{missing}", 404, 404, 404, 404, 404),
        ("GET /api/jobs/{a}/logs", 200, 200, 200, 404, 200),
        ("GET /api/jobs/{b}/logs", 200, 404, 404, 200, 404),
        ("GET /api/jobs/{a}/events", 200, 200, 200, 404, 200),
        ("GET /api/jobs/{b}/events", 200, 404, 404, 200, 404),
        ("GET /api/jobs/{a}/metrics", 200, 200, 200, 404, 200),
        ("GET /api/jobs/{b}/metrics", 200, 404, 404, 200, 404),
        ("POST /api/jobs/{a}/cancel", 202, 202, 403, 404, 202),
        ("POST /api/jobs/{b}/cancel", 202, 404, 404, 202, 404),
        // Past the policy, the request is read and refused for what it asks (400): viewers never get that far.
        ("POST /api/notebooks (asks too much)", 400, 400, 403, 400, 400),
        ("GET /api/notebooks", 200, 200, 200, 200, 200),
        // A notebook is its owner's: others do not see it; an admin may stop it but never run code in it.
        ("GET /api/notebooks/{ann's}", 200, 200, 404, 404, 404),
        ("DELETE /api/notebooks/{ann's}", 202, 202, 404, 404, 404),
        ("GET /notebooks/{ann's}/ (proxy)", 403, null, 404, 404, 404),
        ("GET /api/nodes", 200, 200, 200, 200, 200),
        ("GET /api/images", 200, 200, 200, 200, 200),
        ("POST /api/tokens", 201, 403, 403, 403, 403),
        ("GET /api/tokens", 200, 403, 403, 403, 403),
        ("DELETE /api/tokens/{id}", 204, 403, 403, 403, 403),
        ("GET /api/me", 200, 200, 200, 200, 200),
        ("GET /api/session/antiforgery", 200, 200, 200, 200, 200),
        ("DELETE /api/session", 204, 204, 204, 204, 204),
        ("POST /hubs/jobs/negotiate", 200, 200, 200, 200, 200),
        // Operators' doors: admins (and, for the metrics, the scrape token, see Observability/).
        ("GET /metrics/prometheus", 200, 403, 403, 403, 403),
        ("GET /dashboard/", 200, 403, 403, 403, 403),
    ];

    /// <summary>(caller, door, status) for every cell of the matrix.</summary>
    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var row in Rows)
        {
            int?[] signedIn = [row.Admin, row.MemberA, row.ViewerA, row.MemberB, row.JwtMemberA];
            for (var i = 0; i < Callers.SignedIn.Length; i++)
            {
                if (signedIn[i] is { } status)
                {
                    cases.Add(Callers.SignedIn[i], row.Door, status);
                }
            }

            foreach (var stranger in Callers.Strangers)
            {
                cases.Add(stranger, row.Door, 401);
            }
        }

        return cases;
    }

    /// <summary>Every door has a row: a door added to <see cref="Doors"/> without one fails this.</summary>
    public static IEnumerable<string> DoorsWithoutRow() => Doors.All.Keys.Except(Rows.Select(row => row.Door));
}
