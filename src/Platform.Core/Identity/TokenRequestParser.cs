using System.Globalization;
using Platform.Contracts.Identity;
using Platform.Core.Jobs.Spec;

namespace Platform.Core.Identity;

/// <summary>
/// Reads <c>POST /api/tokens</c>: <c>{user, role: admin|member|viewer, teams: [..], expiresAt?}</c>.
/// Every error is returned, each naming its field; the body is held to <see cref="SpecLimits"/>.
/// </summary>
public static class TokenRequestParser
{
    /// <summary>The longest a token may live: tokens for people and automation are renewed, not kept forever.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3 * 365);

    public static (TokenRequest? Request, IReadOnlyList<SpecError> Errors) Parse(string body, DateTimeOffset now)
    {
        var errors = new List<SpecError>();
        var root = SpecBody.ReadJson(body, errors, "the token request");
        if (root is null)
        {
            return (null, errors);
        }

        var fields = new SpecObject(root, "", errors);
        var user = fields.String("user", 63);
        if (!IdentityNames.IsUser(user))
        {
            fields.Fail("user", user is null ? "is required" : $"'{SpecValues.Truncate(user)}' is not a user name: {IdentityNames.UserRule}");
        }

        if (!fields.Has("role"))
        {
            fields.Fail("role", "is required: admin, member or viewer");
        }

        var role = fields.Choice("role", "viewer", Roles.Names);
        var teams = fields.StringList("teams", IdentityNames.MaxTeamsPerCaller, 64 * IdentityNames.MaxTeamsPerCaller) ?? [];
        if (teams.Count == 0)
        {
            fields.Fail("teams", "name at least one team");
        }

        foreach (var team in teams.Where(team => !IdentityNames.IsTeam(team)))
        {
            fields.Fail("teams", $"'{SpecValues.Truncate(team)}' is not a team name: {IdentityNames.TeamRule}");
        }

        var expiresAt = ReadExpiry(fields, now);
        fields.RejectUnknownFields();
        return errors.Count == 0
            ? (new TokenRequest(user!, Roles.TryParse(role, out var parsed) ? parsed : Role.Viewer, teams.Distinct(StringComparer.Ordinal).ToList(), expiresAt), errors)
            : (null, JobSpecParser.Capped(errors));
    }

    private static DateTimeOffset? ReadExpiry(SpecObject fields, DateTimeOffset now)
    {
        var text = fields.String("expiresAt", 64);
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            fields.Fail("expiresAt", "must be an ISO-8601 time, e.g. 2027-01-31T00:00:00Z");
            return null;
        }

        if (at <= now || at - now > MaxLifetime)
        {
            fields.Fail("expiresAt", $"must be in the future and at most {MaxLifetime.TotalDays:0} days away");
        }

        return at.ToUniversalTime();
    }
}
