using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>A real Jupyter container, reached only through the gateway's proxy.</summary>
[Trait("Category", "Docker")]
public sealed class NotebookProxyTests(NotebookFixture fixture) : IClassFixture<NotebookFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Notebook_turns_ready_with_its_url_pushed_and_runs_code_through_the_proxy()
    {
        await using var hub = await HubClient.ConnectAsync(Platform);
        var started = await Platform.StartNotebookAsync();
        var id = JobJson.Id(started);
        await hub.SubscribeNotebookAsync(id);

        var ready = await Platform.WaitForNotebookAsync(id, "Ready");

        Assert.Equal($"/notebooks/{id}/", ready.GetProperty("url").GetString());
        Assert.Equal(Platform.NodeId, ready.GetProperty("node").GetString());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("url").ValueKind);
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(hub.Notebooks, pushed => pushed.GetProperty("state").GetString() == "Ready" &&
                pushed.GetProperty("url").GetString() == $"/notebooks/{id}/");
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "notebookUpdated with the url");

        var jupyter = new JupyterThroughProxy(Platform, id);
        Assert.Equal("directory", (await jupyter.ContentsAsync()).GetProperty("type").GetString());
        var kernel = await jupyter.StartKernelAsync();
        await using var socket = await jupyter.ConnectAsync(kernel);
        Assert.Equal("2", await socket.ExecuteAsync("1+1", TimeSpan.FromSeconds(60)));

        await Platform.StopNotebookAsync(id);
    }

    [Fact]
    public async Task Token_is_shown_nowhere_and_the_node_port_refuses_requests_without_it()
    {
        await using var hub = await HubClient.ConnectAsync(Platform);
        var id = JobJson.Id(await Platform.StartNotebookAsync());
        await hub.SubscribeNotebookAsync(id);
        await Platform.WaitForNotebookAsync(id, "Ready");
        await hub.SubscribeAsync(id);
        var env = await DockerEngine.EnvOfAsync(id);
        var token = env["JUPYTER_TOKEN"];
        var direct = new Uri($"http://127.0.0.1:{env["PLATFORM_TASK_PORT"]}/notebooks/{id}/");
        var jupyter = new JupyterThroughProxy(Platform, id);
        await using (var socket = await jupyter.ConnectAsync(await jupyter.StartKernelAsync()))
        {
            Assert.Equal("'no token here'", await socket.ExecuteAsync("'no token here'", TimeSpan.FromSeconds(60)));
        }

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Forbidden, (await noRedirects.GetAsync(new Uri(direct, "api/contents"))).StatusCode);
        var page = await noRedirects.GetAsync(new Uri(direct, "lab"));
        Assert.Equal(HttpStatusCode.Found, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.ToString());
        using var withToken = new HttpRequestMessage(HttpMethod.Get, new Uri(direct, "api/contents"));
        withToken.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        Assert.Equal(HttpStatusCode.OK, (await noRedirects.SendAsync(withToken)).StatusCode);

        var lab = await Platform.Http.GetAsync($"notebooks/{id}/lab");
        Assert.Equal(HttpStatusCode.OK, lab.StatusCode);
        var shown = new List<string>
        {
            await lab.Content.ReadAsStringAsync(),
            string.Join('\n', lab.Headers.Concat(lab.Content.Headers).Select(header => $"{header.Key}: {string.Join(",", header.Value)}")),
        };
        foreach (var path in new[]
        {
            "api/notebooks", $"api/notebooks/{id}", "api/jobs", $"api/jobs/{id}", $"api/jobs/{id}/events",
            $"api/jobs/{id}/logs?limit=10000", "api/nodes", "openapi/v1.json",
        })
        {
            shown.Add(await Platform.Http.GetStringAsync(path));
        }

        await Platform.StopNotebookAsync(id);
        await Platform.WaitForNotebookAsync(id, "Stopped");
        shown.Add(await Platform.Http.GetStringAsync($"api/notebooks/{id}"));
        shown.AddRange(hub.Notebooks.Concat(hub.Jobs).Concat(hub.Lines).Select(message => message.GetRawText()));
        shown.Add(Platform.Output);

        Assert.NotEmpty(hub.Notebooks);
        Assert.NotEmpty(hub.Lines);
        Assert.All(shown, text => Assert.DoesNotContain(token, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Proxy_ignores_client_credentials_keeps_jupyters_login_cookie_and_refuses_other_sites()
    {
        var id = await Platform.StartReadyNotebookAsync();
        var contents = $"notebooks/{id}/api/contents";

        // The platform's own bearer token is in the Authorization header: Jupyter credentials come as its query parameter and login cookie.
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, contents + "?token=wrong");
        wrongToken.Headers.Add("Cookie", $"username-127-0-0-1-{Platform.BaseAddress.Port}=\"2|wrong\"");
        var answered = await Platform.Http.SendAsync(wrongToken);
        using var crossSite = new HttpRequestMessage(HttpMethod.Get, contents);
        crossSite.Headers.Add("Origin", "http://elsewhere.example");
        using var sameSite = new HttpRequestMessage(HttpMethod.Get, contents);
        sameSite.Headers.Add("Origin", Platform.BaseAddress.GetLeftPart(UriPartial.Authority));
        var lab = await Platform.Http.GetAsync($"notebooks/{id}/lab");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Platform.Http.SendAsync(crossSite)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Platform.Http.SendAsync(sameSite)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, lab.StatusCode);
        var cookies = lab.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, cookie => cookie.StartsWith("username-", StringComparison.Ordinal));
        Assert.Contains("\"token\": \"\"", await lab.Content.ReadAsStringAsync());
        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var slashless = await noRedirects.GetAsync(new Uri(Platform.BaseAddress, $"notebooks/{id}"));
        Assert.Equal((HttpStatusCode.Found, $"/notebooks/{id}/"), (slashless.StatusCode, slashless.Headers.Location?.ToString()));
        await Platform.StopNotebookAsync(id);
    }

    [Fact]
    public async Task File_in_the_work_directory_survives_a_stop_and_a_later_start()
    {
        var first = await Platform.StartReadyNotebookAsync();
        var written = $"kept-{Guid.NewGuid():N}.txt";
        await new JupyterThroughProxy(Platform, first).SaveTextAsync(written, "still here");
        await Platform.StopNotebookAsync(first);
        await DockerEngine.WaitForNoContainersAsync(first, TimeSpan.FromSeconds(30));

        var second = await Platform.StartReadyNotebookAsync();

        var file = await new JupyterThroughProxy(Platform, second).ContentsAsync(written);
        Assert.Equal("still here", file.GetProperty("content").GetString());
        Assert.True(File.Exists(Path.Combine(Platform.DataDir, "volumes", "notebooks", "admin", "work", written)));
        await Platform.StopNotebookAsync(second);
    }

    [Fact]
    public async Task Notebook_job_is_not_listed_among_jobs()
    {
        var id = JobJson.Id(await Platform.StartNotebookAsync());

        var listed = await Platform.Http.GetStringAsync("api/notebooks");
        var jobs = await Platform.Http.GetStringAsync("api/jobs");

        Assert.Contains(id, listed);
        Assert.DoesNotContain(id, jobs);
        await Platform.StopNotebookAsync(id);
    }
}
