using System.Net;
using Microsoft.AspNetCore.SignalR;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Identity;

/// <summary>The hub asks the same policy on every Subscribe call, and lets no stranger connect.</summary>
[Trait("Category", "Docker")]
[Collection(IdentityCollection.Name)]
public sealed class HubAccessTests(IdentityFixture fixture)
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Member_of_team_b_cannot_subscribe_to_team_a_job_nor_anns_notebook()
    {
        await using var bob = await HubClient.ConnectAsync(Platform, token: fixture.Bearers[Callers.MemberB]);
        await using var ann = await HubClient.ConnectAsync(Platform, token: fixture.Bearers[Callers.MemberA]);

        var job = await Assert.ThrowsAsync<HubException>(() => bob.SubscribeAsync(fixture.JobA));
        var missing = await Assert.ThrowsAsync<HubException>(() => bob.SubscribeAsync("sleeper-00000000deadbeef"));
        var notebook = await Assert.ThrowsAsync<HubException>(() => bob.SubscribeNotebookAsync(fixture.NotebookA));
        await bob.SubscribeAsync(fixture.JobB);
        await ann.SubscribeAsync(fixture.JobA);
        await ann.SubscribeNotebookAsync(fixture.NotebookA);

        Assert.Equal(missing.Message.Replace("sleeper-00000000deadbeef", "{id}", StringComparison.Ordinal),
            job.Message.Replace(fixture.JobA, "{id}", StringComparison.Ordinal));
        Assert.DoesNotContain("ann", notebook.Message);
        // What bob did get pushed is his own job only, never ann's.
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(bob.Jobs, pushed => pushed.GetProperty("id").GetString() == fixture.JobB);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(30), "bob's own job to be pushed to him");
        Assert.DoesNotContain(bob.Jobs, pushed => pushed.GetProperty("id").GetString() == fixture.JobA);
        Assert.Empty(bob.Notebooks);
    }

    [Fact]
    public async Task Viewer_of_team_a_may_watch_its_jobs_but_not_anns_notebook()
    {
        await using var vic = await HubClient.ConnectAsync(Platform, token: fixture.Bearers[Callers.ViewerA]);

        await vic.SubscribeAsync(fixture.JobA);
        await Assert.ThrowsAsync<HubException>(() => vic.SubscribeAsync(fixture.JobB));
        await Assert.ThrowsAsync<HubException>(() => vic.SubscribeNotebookAsync(fixture.NotebookA));
    }

    [Fact]
    public async Task Connection_of_a_revoked_token_may_subscribe_to_nothing_more()
    {
        using var tess = await Platform.UserAsync("tess", "member", Callers.TeamA);
        await using var hub = await HubClient.ConnectAsync(Platform, token: tess.Token);
        await hub.SubscribeAsync(fixture.JobA);

        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await Platform.Http.DeleteAsync($"api/tokens/{tess.TokenId}")).StatusCode);

        await Assert.ThrowsAnyAsync<Exception>(() => hub.SubscribeAsync(fixture.JobA));
    }

    [Theory]
    [InlineData(Callers.NoToken)]
    [InlineData(Callers.BadToken)]
    [InlineData(Callers.RevokedToken)]
    [InlineData(Callers.ExpiredJwt)]
    [InlineData(Callers.OtherKeyJwt)]
    public async Task Stranger_cannot_connect(string caller)
    {
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => HubClient.ConnectAsync(Platform, token: fixture.Bearers[caller] ?? ""));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Access_token_in_the_query_is_read_only_on_the_hub()
    {
        using var anonymous = Platform.ClientWith(null);
        var token = Uri.EscapeDataString(fixture.Bearers[Callers.MemberA]!);

        using var hub = await anonymous.PostAsync($"hubs/jobs/negotiate?negotiateVersion=1&access_token={token}", null);
        using var api = await anonymous.GetAsync($"api/jobs?access_token={token}");

        Assert.Equal(HttpStatusCode.OK, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
