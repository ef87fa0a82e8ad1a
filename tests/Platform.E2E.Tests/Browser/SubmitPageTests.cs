using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Platform.E2E.Tests.Browser;

/// <summary>The submit form: the sample job from the form to Succeeded, and a refused spec's field errors.</summary>
[Trait("Category", "Browser")]
public sealed partial class SubmitPageTests(PlatformFixture fixture, ChromiumFixture chromium)
    : IClassFixture<PlatformFixture>, IClassFixture<ChromiumFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task The_prefilled_sample_submitted_through_the_form_reaches_Succeeded_live_with_its_logs()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/submit");
        await Expect(page.GetByTestId("spec-editor")).ToHaveValueAsync(Samples.HelloPsJob.ReplaceLineEndings("\n"));
        await browser.ScreenshotAsync("submit");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.GetByTestId("submit").ClickAsync();

        await page.WaitForURLAsync(JobRoute());
        var id = Uri.UnescapeDataString(new Uri(page.Url).Fragment["#/jobs/".Length..]);
        await Expect(page.GetByTestId("live-mode")).ToHaveAttributeAsync("data-mode", "live");
        await browser.ExpectJobToEndAsync(Platform, id, "Succeeded", TimeSpan.FromSeconds(120));
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page was reloaded");
        await Expect(page.Locator("[data-testid=task-row][data-task=chief-0] [data-testid=task-state]")).ToHaveTextAsync("Succeeded");
        var chiefLine = page.Locator(".log-line[data-task=chief-0]").Filter(new() { HasText = "chief-0: every ps has seen 3 workers" });
        await Expect(chiefLine).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("event").Filter(new() { HasText = "Job Succeeded" })).ToHaveCountAsync(1);

        await page.Locator("[data-testid=log-tab][data-task=chief-0]").ClickAsync();
        await Expect(chiefLine).ToHaveCountAsync(1);
        await Expect(page.Locator(".log-line:not([data-task=chief-0])")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync();

        await page.GetByTestId("nav-jobs").ClickAsync();
        await Expect(page.Locator($"[data-testid=job-row][data-job-id='{id}'] [data-testid=job-row-state]")).ToHaveTextAsync("Succeeded");
        await browser.ScreenshotAsync("jobs");
        browser.AssertNoScriptErrors();
    }

    [Fact]
    public async Task A_refused_spec_shows_each_field_error_on_the_editor_line_that_holds_the_field()
    {
        await using var browser = await BrowserSession.OpenAsync(chromium, Platform);
        var page = browser.Page;
        await browser.GoToAsync("#/submit");
        await page.GetByTestId("spec-editor").FillAsync("""
            name: Bad_Name
            image: platform/hello-ps:1.0
            replicas:
              ps:
                count: 0
              worker:
                count: 2
                resources: { cpus: 0.25, memoryMb: 256, gpus: 0.5 }
            """);

        await page.GetByTestId("submit").ClickAsync();

        await Expect(page.GetByTestId("field-error")).ToHaveCountAsync(3);
        await ExpectFieldErrorAsync(page, "name", line: 1, "is not a lowercase DNS label");
        await ExpectFieldErrorAsync(page, "replicas.ps.count", line: 5, "must be at least 1, got 0");
        await ExpectFieldErrorAsync(page, "replicas.worker.resources.gpus", line: 8, "must be a whole number, got 0.5");
        await Expect(page.GetByTestId("marked-line")).ToHaveCountAsync(3);
        Assert.EndsWith("#/submit", page.Url, StringComparison.Ordinal);
        var jobs = await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs");
        Assert.DoesNotContain(jobs.EnumerateArray(), job => job.GetProperty("name").GetString() == "Bad_Name");
        await browser.ScreenshotAsync();

        await page.GetByTestId("spec-editor").PressAsync("End");
        await page.GetByTestId("spec-editor").PressAsync("x");
        await Expect(page.GetByTestId("marked-line")).ToHaveCountAsync(0);
        browser.AssertNoScriptErrors();
    }

    private static async Task ExpectFieldErrorAsync(IPage page, string field, int line, string message)
    {
        var error = page.Locator($"[data-testid=field-error][data-field='{field}']");
        await Expect(error).ToContainTextAsync(message);
        await Expect(error).ToHaveAttributeAsync("data-line", line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator($"[data-testid=marked-line][data-line='{line}'] [data-testid=inline-error]")).ToContainTextAsync(message);
    }

    [GeneratedRegex("#/jobs/hello-ps-[0-9a-f]{16}$")]
    private static partial Regex JobRoute();
}
