using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// Notebooks apart, over real HTTP: each on its own origin <c>{id}.localhost</c> (which serves that
/// notebook and nothing else), its owner alone let in there (by token, or by the cookie the sign-in
/// ticket sets), and each user's work directory their own.
/// </summary>
[Trait("Category", "Docker")]
public sealed class NotebookOriginTests(OwnOriginFixture fixture) : IClassFixture<OwnOriginFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Each_notebook_has_its_origin_its_owner_alone_gets_in_and_each_user_has_an_own_work_directory()
    {
        using var alice = await Platform.UserAsync("alice", "member", "default");
        using var bob = await Platform.UserAsync("bob", "member", "default");
        var mine = await Platform.StartReadyNotebookAsync(alice.Http);
        var theirs = await Platform.StartReadyNotebookAsync(bob.Http);
        var port = Platform.BaseAddress.Port;
        using var asAlice = NotebookOriginClient.Create(Platform, alice.Token);
        using var asBob = NotebookOriginClient.Create(Platform, bob.Token);
        using var asAdmin = NotebookOriginClient.Create(Platform, Platform.AdminToken);
        var mineBase = new Uri($"http://{mine}.localhost:{port}/notebooks/{mine}/");
        var theirsBase = new Uri($"http://{theirs}.localhost:{port}/notebooks/{theirs}/");

        Assert.Equal(mineBase.ToString(), (await alice.Http.GetFromJsonAsync<JsonElement>($"api/notebooks/{mine}")).GetProperty("url").GetString());
        var file = $"alice-{Guid.NewGuid():N}.txt";
        var saved = await asAlice.PutAsJsonAsync(new Uri(mineBase, $"api/contents/{file}"), new { type = "file", format = "text", content = "alice's" });
        Assert.True(saved.IsSuccessStatusCode, $"saving on the notebook's origin answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");

        var bobsFiles = await asBob.GetStringAsync(new Uri(theirsBase, "api/contents/"));
        Assert.DoesNotContain(file, bobsFiles);
        Assert.Equal(HttpStatusCode.NotFound, (await asBob.GetAsync(new Uri(theirsBase, $"api/contents/{file}"))).StatusCode);
        var volumes = Path.Combine(Platform.DataDir, "volumes", "notebooks");
        Assert.True(File.Exists(Path.Combine(volumes, "alice", "work", file)));
        Assert.False(File.Exists(Path.Combine(volumes, "bob", "work", file)));

        Assert.Equal(HttpStatusCode.NotFound, (await asBob.GetAsync(new Uri(mineBase, "api/contents/"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await asAdmin.GetAsync(new Uri(mineBase, "api/contents/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.Http.GetAsync($"notebooks/{mine}/authorize")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Platform.Http.GetAsync($"notebooks/{mine}/authorize")).StatusCode);
        // Another notebook's path on this notebook's host is not served, even to its owner.
        Assert.Equal(HttpStatusCode.NotFound, (await asBob.GetAsync(new Uri(mineBase, $"/notebooks/{theirs}/api/contents/"))).StatusCode);

        await Platform.StopNotebookAsync(mine);
        await Platform.StopNotebookAsync(theirs);
    }

    [Fact]
    public async Task A_notebooks_host_serves_only_that_notebook_and_the_gateways_origin_sends_browsers_there()
    {
        using var alice = await Platform.UserAsync("carol", "member", "default");
        var id = await Platform.StartReadyNotebookAsync(alice.Http);
        using var client = NotebookOriginClient.Create(Platform, alice.Token);
        var origin = NotebookOriginClient.Origin(Platform, $"{id}.localhost");

        foreach (var path in new[] { "api/jobs", "api/me", "hubs/jobs/negotiate", "index.html", "js/app.js", "openapi/v1.json" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(origin, path))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(new Uri(origin, "api/jobs"), new { name = "x" })).StatusCode);
        var root = await client.GetAsync(origin);
        Assert.Equal((HttpStatusCode.Found, $"/notebooks/{id}/"), (root.StatusCode, root.Headers.Location?.ToString()));
        using var gateway = NotebookOriginClient.Create(Platform, alice.Token);
        var moved = await gateway.GetAsync(new Uri(Platform.BaseAddress, $"notebooks/{id}/api/contents"));
        Assert.Equal((HttpStatusCode.Found, new Uri(origin, $"notebooks/{id}/api/contents").ToString()), (moved.StatusCode, moved.Headers.Location?.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, (await gateway.PostAsJsonAsync(new Uri(Platform.BaseAddress, $"notebooks/{id}/api/kernels"), new { name = "python3" })).StatusCode);
        await Platform.StopNotebookAsync(id);
    }

    [Fact]
    public async Task The_session_signs_the_owner_in_on_the_notebooks_origin_with_a_ticket_and_only_its_own_pages_may_drive_it()
    {
        using var dave = await Platform.UserAsync("dave", "member", "default");
        var id = await Platform.StartReadyNotebookAsync(dave.Http);
        var other = await Platform.StartReadyNotebookAsync(dave.Http);
        using var browser = NotebookOriginClient.Create(Platform);
        var gateway = NotebookOriginClient.Origin(Platform, "localhost");
        var origin = NotebookOriginClient.Origin(Platform, $"{id}.localhost");
        var signIn = await browser.PostAsJsonAsync(new Uri(gateway, "api/session"), new { token = dave.Token });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var session = NotebookOriginClient.SetCookie(signIn, "platform.session")!;

        var first = await browser.GetAsync(new Uri(origin, $"notebooks/{id}/lab"));
        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.Equal(new Uri(gateway, $"notebooks/{id}/authorize"), first.Headers.Location);
        using var authorize = new HttpRequestMessage(HttpMethod.Get, first.Headers.Location);
        authorize.Headers.Add("Cookie", session);
        var ticketed = await browser.SendAsync(authorize);
        Assert.Equal(HttpStatusCode.Found, ticketed.StatusCode);
        var ticketUrl = ticketed.Headers.Location!;
        Assert.Equal(new Uri(origin, "_platform/signin").ToString(), ticketUrl.GetLeftPart(UriPartial.Path));

        var forged = await browser.GetAsync(new Uri(origin, "_platform/signin?ticket=" + Uri.EscapeDataString(ticketUrl.Query[8..] + "x")));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        var elsewhere = await browser.GetAsync(new Uri(NotebookOriginClient.Origin(Platform, $"{other}.localhost"), ticketUrl.PathAndQuery));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Null(NotebookOriginClient.SetCookie(elsewhere, "platform.notebook"));

        var signedIn = await browser.GetAsync(ticketUrl);
        Assert.Equal((HttpStatusCode.Found, $"/notebooks/{id}/"), (signedIn.StatusCode, signedIn.Headers.Location?.ToString()));
        var setCookie = signedIn.Headers.GetValues("Set-Cookie").Single(cookie => cookie.StartsWith("platform.notebook=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
        var cookie = NotebookOriginClient.SetCookie(signedIn, "platform.notebook")!;

        Assert.Equal(HttpStatusCode.OK, (await Send(browser, HttpMethod.Get, new Uri(origin, $"notebooks/{id}/api/contents"), cookie, null)).StatusCode);
        var kernels = new Uri(origin, $"notebooks/{id}/api/kernels");
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(browser, HttpMethod.Post, kernels, cookie, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(browser, HttpMethod.Post, kernels, cookie, $"http://{other}.localhost:{origin.Port}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(browser, HttpMethod.Post, kernels, cookie, gateway.GetLeftPart(UriPartial.Authority))).StatusCode);
        Assert.Equal("[]", (await (await Send(browser, HttpMethod.Get, kernels, cookie, null)).Content.ReadAsStringAsync()).Trim());
        Assert.Equal(HttpStatusCode.Created, (await Send(browser, HttpMethod.Post, kernels, cookie, origin.GetLeftPart(UriPartial.Authority))).StatusCode);
        // The cookie is for this notebook alone.
        Assert.Equal(HttpStatusCode.Found, (await Send(browser, HttpMethod.Get, new Uri(NotebookOriginClient.Origin(Platform, $"{other}.localhost"), $"notebooks/{other}/api/contents"), cookie, null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.Http.DeleteAsync($"api/tokens/{dave.TokenId}")).StatusCode);
        var revoked = await Send(browser, HttpMethod.Get, new Uri(origin, $"notebooks/{id}/api/contents"), cookie, null);
        Assert.Equal(HttpStatusCode.Found, revoked.StatusCode);
        await Platform.StopNotebookAsync(id);
        await Platform.StopNotebookAsync(other);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, Uri url, string cookie, string? origin)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (method == HttpMethod.Post)
        {
            request.Content = JsonContent.Create(new { name = "python3" });
        }

        return await client.SendAsync(request);
    }
}
