using Platform.Contracts.Identity;
using Platform.Core.Telemetry;

namespace Platform.Core.Tests.Telemetry;

public sealed class ScrapeAccessTests
{
    private const string Token = "scrape-7f3a9c";

    public static TheoryData<string, Role?, string?, string?, ScrapeDecision> Cases => new()
    {
        { "an admin needs no scrape token", Role.Admin, "Bearer plt_admin", null, ScrapeDecision.Allowed },
        { "the scrape token alone", null, $"Bearer {Token}", Token, ScrapeDecision.Allowed },
        { "the scheme in any case", null, $"bearer {Token}", Token, ScrapeDecision.Allowed },
        { "a member is signed in but not allowed", Role.Member, "Bearer plt_member", Token, ScrapeDecision.Forbidden },
        { "a viewer likewise", Role.Viewer, "Bearer plt_viewer", Token, ScrapeDecision.Forbidden },
        { "nothing sent", null, null, Token, ScrapeDecision.Unauthorized },
        { "a wrong token", null, "Bearer scrape-7f3a9d", Token, ScrapeDecision.Unauthorized },
        { "a prefix of the token", null, "Bearer scrape-7f3a", Token, ScrapeDecision.Unauthorized },
        { "the token under another scheme", null, $"Basic {Token}", Token, ScrapeDecision.Unauthorized },
        { "no scrape token configured: an empty bearer is no match", null, "Bearer ", null, ScrapeDecision.Unauthorized },
        { "an empty configured token matches nothing", null, "Bearer ", "", ScrapeDecision.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scrape_access(string name, Role? role, string? authorization, string? scrapeToken, ScrapeDecision expected) =>
        Assert.True(expected == ScrapeAccess.Decide(role, authorization, scrapeToken), name);
}
