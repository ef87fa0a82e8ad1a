using Platform.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests.Browser;

/// <summary>The job page shows the priority class the job was accepted under.</summary>
[Trait("Category", "Browser")]
public sealed class PriorityClassPageTests(PlatformFixture fixture, ChromiumFixture chromium)
    : IClassFixture<PlatformFixture>, IClassFixture<ChromiumFixture>
{
    private const string LowJob = """
        name: low-class
        image: platform/hello-ps:1.0
        command: ["sh", "-c", "echo done"]
        priorityClass: low
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
        """;

    [Fact]
    public async Task Job_page_shows_the_priority_class()
    {
        var id = Id(await fixture.Platform.SubmitAsync(LowJob));
        await using var browser = await BrowserSession.OpenAsync(chromium, fixture.Platform);

        await browser.GoToAsync($"#/jobs/{id}");

        var facts = browser.Page.GetByTestId("job-header").Locator("dl.facts");
        await Expect(facts.Locator("dt", new() { HasText = "Priority class" })).ToHaveCountAsync(1);
        await Expect(facts.Locator("dt:has-text('Priority class') + dd")).ToHaveTextAsync("low");
        await browser.ExpectJobToEndAsync(fixture.Platform, id, "Succeeded", TimeSpan.FromSeconds(60));
        browser.AssertNoScriptErrors();
    }
}
