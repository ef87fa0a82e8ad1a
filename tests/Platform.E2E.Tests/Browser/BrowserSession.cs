using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Browser;

/// <summary>
/// One test's browser context on one platform: its own cookies and storage, the platform as base
/// address, and the page's uncaught script errors collected so a test can assert there were none.
/// </summary>
public sealed partial class BrowserSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _scriptErrors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        Page.PageError += (_, error) =>
        {
            lock (_scriptErrors)
            {
                _scriptErrors.Add(error);
            }
        };
    }

    public IPage Page { get; }

    /// <summary>The context's cookies and API requests: what this browser is signed in as.</summary>
    public IBrowserContext Context => _context;

    /// <summary>A browser signed in with <paramref name="token"/> (the admin's when null); none when <paramref name="signIn"/> is false.</summary>
    public static Task<BrowserSession> OpenAsync(ChromiumFixture chromium, PlatformProcess platform, string? token = null, bool signIn = true) =>
        OpenAsync(chromium, platform.BaseAddress, signIn ? token ?? platform.AdminToken : null);

    /// <summary>A browser on the gateway at <paramref name="baseAddress"/>, signed in with <paramref name="token"/> unless it is null.</summary>
    public static async Task<BrowserSession> OpenAsync(ChromiumFixture chromium, Uri baseAddress, string? token)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        if (token is not null)
        {
            // The session cookie lands in this context, as when a person signs in on the sign-in page.
            var response = await context.APIRequest.PostAsync("/api/session", new APIRequestContextOptions
            {
                DataObject = new { token },
            });
            Assert.True(response.Ok, $"signing in answered {response.Status}: {await response.TextAsync()}");
        }

        return new BrowserSession(context, await context.NewPageAsync());
    }

    /// <summary>Opens a route of the UI (<c>#/jobs</c>, <c>#/submit</c>...).</summary>
    public async Task GoToAsync(string route) => await Page.GotoAsync($"/{route}");

    /// <summary>
    /// Saves the page as <c>TestResults/screenshots/TEST[-step].png</c> under the test output
    /// directory, or under <c>$PLATFORM_ARTIFACTS/screenshots</c> when that is set.
    /// </summary>
    public async Task ScreenshotAsync(string? step = null, [CallerMemberName] string test = "")
    {
        var artifacts = Environment.GetEnvironmentVariable("PLATFORM_ARTIFACTS");
        var directory = string.IsNullOrEmpty(artifacts)
            ? Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")
            : Path.Combine(artifacts, "screenshots");
        Directory.CreateDirectory(directory);
        var name = step is null ? test : $"{test}-{step}";
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    /// <summary>
    /// Waits until the page shows the job finished, and fails at once, with the job's reason and
    /// logs, when it finished otherwise than <paramref name="state"/>.
    /// </summary>
    public async Task ExpectJobToEndAsync(PlatformProcess platform, string id, string state, TimeSpan timeout)
    {
        var shown = Page.GetByTestId("job-state");
        await Assertions.Expect(shown).ToHaveTextAsync(FinishedState(), new() { Timeout = (float)timeout.TotalMilliseconds });
        var ended = await shown.TextContentAsync();
        if (ended != state)
        {
            var job = await platform.GetJobAsync(id);
            var reason = JobJson.OptionalString(job, "reason");
            Assert.Fail($"The page shows job {id} {ended} ({reason}), not {state}:\n{await platform.LogsTextAsync(id)}");
        }
    }

    public void AssertNoScriptErrors()
    {
        lock (_scriptErrors)
        {
            Assert.True(_scriptErrors.Count == 0, $"The page threw: {string.Join("\n", _scriptErrors)}");
        }
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();

    [GeneratedRegex("^(Succeeded|Failed|Cancelled)$")]
    private static partial Regex FinishedState();
}
