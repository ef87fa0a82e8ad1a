using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Notebooks;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Browser;

/// <summary>
/// Each notebook on its own origin (<c>{id}.localhost</c>): its owner opens two notebooks from the
/// web UI and is signed in on each, and then notebook A's page, run by the owner's own browser with
/// every cookie it holds, can neither read notebook B nor start a kernel in it, nor read or change
/// anything through the gateway's API, while the same page can use A itself.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class NotebookOriginPageTests(OwnOriginFixture fixture, ChromiumFixture chromium)
    : IClassFixture<OwnOriginFixture>, IClassFixture<ChromiumFixture>
{
    private const string Attack = """
        async ({ own, other, gateway }) => {
          const outcome = async request => {
            try {
              const response = await request;
              return `${response.type} ${response.status}`;
            } catch {
              return 'blocked';
            }
          };
          const python = { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body: '{"name":"python3"}' };
          const simple = { method: 'POST', credentials: 'include', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{"name":"python3"}' };
          return {
            readOwn: await outcome(fetch(own + 'api/contents', { credentials: 'include' })),
            kernelOwn: await outcome(fetch(own + 'api/kernels', python)),
            readOther: await outcome(fetch(other + 'api/contents', { credentials: 'include' })),
            kernelOther: await outcome(fetch(other + 'api/kernels', python)),
            simpleKernelOther: await outcome(fetch(other + 'api/kernels', simple)),
            readApi: await outcome(fetch(gateway + '/api/jobs', { credentials: 'include' })),
            readMe: await outcome(fetch(gateway + '/api/me', { credentials: 'include' })),
            submit: await outcome(fetch(gateway + '/api/jobs', { ...simple, body: 'name: from-a-notebook' })),
          };
        }
        """;

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_notebooks_page_cannot_read_or_drive_another_notebook_or_the_api_with_the_users_cookies()
    {
        using var erin = await Platform.UserAsync("erin", "member", "default");
        var a = await Platform.StartReadyNotebookAsync(erin.Http);
        var b = await Platform.StartReadyNotebookAsync(erin.Http);
        var port = Platform.BaseAddress.Port;
        var gateway = $"http://localhost:{port}";
        var jobsBefore = (await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).GetArrayLength();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = gateway });
        var signIn = await context.APIRequest.PostAsync("/api/session", new APIRequestContextOptions { DataObject = new { token = erin.Token } });
        Assert.True(signIn.Ok, $"signing in answered {signIn.Status}");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/notebooks");

        var labB = await OpenFromThePageAsync(page, b, port);
        await labB.CloseAsync();
        var labA = await OpenFromThePageAsync(page, a, port);
        var cookies = await context.CookiesAsync();
        Assert.Contains(cookies, cookie => cookie.Name == "platform.notebook" && cookie.Domain == $"{b}.localhost");
        Assert.Contains(cookies, cookie => cookie.Name == "platform.session" && cookie.Domain == "localhost");

        var tried = await labA.EvaluateAsync<Dictionary<string, string>>(Attack, new
        {
            own = $"http://{a}.localhost:{port}/notebooks/{a}/",
            other = $"http://{b}.localhost:{port}/notebooks/{b}/",
            gateway,
        });

        Assert.Equal("basic 200", tried["readOwn"]);
        Assert.Equal("basic 201", tried["kernelOwn"]);
        Assert.Equal("blocked", tried["readOther"]);
        Assert.Equal("blocked", tried["kernelOther"]);
        Assert.Equal("opaque 0", tried["simpleKernelOther"]);
        Assert.Equal("blocked", tried["readApi"]);
        Assert.Equal("blocked", tried["readMe"]);
        Assert.Equal("opaque 0", tried["submit"]);
        using var owner = NotebookOriginClient.Create(Platform, erin.Token);
        Assert.Equal("[]", (await owner.GetStringAsync($"http://{b}.localhost:{port}/notebooks/{b}/api/kernels")).Trim());
        Assert.NotEqual("[]", (await owner.GetStringAsync($"http://{a}.localhost:{port}/notebooks/{a}/api/kernels")).Trim());
        Assert.Equal(jobsBefore, (await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).GetArrayLength());
        await labA.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("notebook-a") });

        await Platform.StopNotebookAsync(a);
        await Platform.StopNotebookAsync(b);
    }

    /// <summary>Clicks the notebook's Open link on the Notebooks page and waits for JupyterLab on the notebook's own origin.</summary>
    private static async Task<IPage> OpenFromThePageAsync(IPage page, string id, int port)
    {
        var url = $"http://{id}.localhost:{port}/notebooks/{id}/";
        var open = page.GetByRole(AriaRole.Link, new() { Name = $"Open {id} in JupyterLab" });
        await Expect(open).ToHaveAttributeAsync("href", url);
        var lab = await page.Context.RunAndWaitForPageAsync(() => open.ClickAsync());
        await Expect(lab).ToHaveTitleAsync(JupyterLab(), new() { Timeout = 120_000 });
        Assert.StartsWith(url, lab.Url);
        return lab;
    }

    private static string ScreenshotPath(string name)
    {
        var artifacts = Environment.GetEnvironmentVariable("PLATFORM_ARTIFACTS");
        var directory = string.IsNullOrEmpty(artifacts) ? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots") : Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{nameof(NotebookOriginPageTests)}-{name}.png");
    }

    [GeneratedRegex("JupyterLab|Launcher")]
    private static partial Regex JupyterLab();
}
