using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Infrastructure;
using Platform.E2E.Tests.Notebooks;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Browser;

/// <summary>
/// The Notebooks page: a notebook started from the form goes Pending/Starting to Ready live, its
/// Open link shows JupyterLab through the gateway's proxy (a kernel runs code over the proxied
/// websocket) with no token anywhere in the address, and Stop ends it.
/// </summary>
[Trait("Category", "Browser")]
public sealed partial class NotebooksPageTests(NotebookFixture fixture, ChromiumFixture chromium)
    : IClassFixture<NotebookFixture>, IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions ReadyTimeout = new() { Timeout = 180_000 };

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_notebook_started_from_the_page_opens_JupyterLab_through_the_gateway_and_stops()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/notebooks");
        await page.GetByLabel("GPUs").FillAsync("1");
        await page.GetByLabel("CPUs").FillAsync("0.5");
        await page.GetByLabel("Memory (MiB)").FillAsync("1024");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start notebook" }).ClickAsync();

        var row = page.GetByTestId("notebook-row").First;
        await Expect(row.GetByTestId("notebook-state")).ToHaveTextAsync(WaitingOrReady());
        var id = await row.GetAttributeAsync("data-notebook-id");
        Assert.NotNull(id);
        var open = row.GetByRole(AriaRole.Link, new() { Name = $"Open {id} in JupyterLab" });
        await Expect(open).ToBeVisibleAsync(ReadyTimeout);
        await Expect(row.GetByTestId("notebook-state")).ToHaveTextAsync("Ready");
        await Expect(open).ToHaveAttributeAsync("href", $"/notebooks/{id}/");
        await Expect(row.GetByTestId("notebook-gpus")).ToHaveTextAsync(new Regex("^1id "));
        await browser.ScreenshotAsync("ready");

        var lab = await page.Context.RunAndWaitForPageAsync(() => open.ClickAsync());
        await Expect(lab).ToHaveTitleAsync(new Regex("JupyterLab|Launcher"), new() { Timeout = 120_000 });
        await Expect(lab.Locator(".jp-Launcher")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.StartsWith(new Uri(Platform.BaseAddress, $"notebooks/{id}/").ToString(), lab.Url);
        Assert.DoesNotContain("token", lab.Url, StringComparison.OrdinalIgnoreCase);
        try
        {
            await RunInANewNotebookAsync(lab, "print(6 * 7)", "42");
        }
        finally
        {
            await lab.ScreenshotAsync(new() { Path = ScreenshotPath("jupyterlab") });
        }

        await lab.CloseAsync();

        await row.GetByRole(AriaRole.Button, new() { Name = $"Stop {id}" }).ClickAsync();
        await page.GetByTestId("stop-confirm").ClickAsync();
        await Expect(row.GetByTestId("notebook-state")).ToHaveTextAsync("Stopped", new() { Timeout = 60_000 });
        await Expect(open).ToHaveCountAsync(0);
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_refused_notebook_shows_each_error_under_its_field_and_starts_nothing()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/notebooks");
        var before = (await Platform.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/notebooks")).GetArrayLength();

        await page.GetByLabel("GPUs").FillAsync("64");
        await page.GetByLabel("Image").FillAsync("nobody/unknown:1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start notebook" }).ClickAsync();

        await Expect(page.GetByTestId("gpus-error")).ToContainTextAsync("GPU");
        await Expect(page.GetByTestId("image-error")).Not.ToBeEmptyAsync();
        await Expect(page.GetByLabel("GPUs")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await browser.ScreenshotAsync();
        Assert.Equal(before, (await Platform.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/notebooks")).GetArrayLength());
        browser.AssertNoScriptErrors();
    }

    /// <summary>Opens a Python notebook from the launcher, runs one cell and waits for its output.</summary>
    private static async Task RunInANewNotebookAsync(IPage lab, string code, string output)
    {
        await lab.Locator(".jp-LauncherCard[data-category='Notebook']").First.ClickAsync();
        var cell = lab.Locator(".jp-Notebook .jp-Cell .cm-content").First;
        await Expect(cell).ToBeVisibleAsync(new() { Timeout = 60_000 });
        // The kernel runs behind the proxy's websocket: idle means it is connected and started.
        await Expect(lab.GetByText("Python 3 (ipykernel) | Idle")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await cell.ClickAsync();
        await lab.Keyboard.TypeAsync(code);
        await Expect(cell).ToHaveTextAsync(code);
        await lab.Keyboard.PressAsync("Shift+Enter");
        await Expect(lab.Locator(".jp-OutputArea-output").First).ToContainTextAsync(output, new() { Timeout = 120_000 });
    }

    private static string ScreenshotPath(string name)
    {
        var artifacts = Environment.GetEnvironmentVariable("PLATFORM_ARTIFACTS");
        var directory = string.IsNullOrEmpty(artifacts) ? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots") : Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{nameof(NotebooksPageTests)}-{name}.png");
    }

    [GeneratedRegex("^(Pending|Starting|Ready)$")]
    private static partial Regex WaitingOrReady();
}
