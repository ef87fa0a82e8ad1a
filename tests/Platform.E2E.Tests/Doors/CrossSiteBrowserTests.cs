using Microsoft.Playwright;
using Platform.E2E.Tests.Browser;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// A real page of another site, in Chromium, tries what a cross-site attack can: a form posted to
/// cancel, <c>no-cors</c> fetches (with the client header, which the browser must drop), a spec as
/// <c>text/plain</c>, a WebSocket to the hub. Each request reaches the gateway and is refused, and
/// nothing changes: the job keeps running and no job is added.
/// </summary>
[Trait("Category", "Browser")]
[Collection(DoorsFixture.Collection)]
public sealed class CrossSiteBrowserTests(DoorsFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Page_of_another_site_can_neither_cancel_a_job_nor_submit_one_nor_open_the_hub()
    {
        var id = JobJson.Id(await Platform.SubmitAsync(DoorsFixture.LongJob("csrf-target")));
        await Platform.WaitForTaskStateAsync(id, "worker-0", "Running", TimeSpan.FromSeconds(60));
        using var attacker = new AttackerSite(AttackPage(Platform.BaseAddress.GetLeftPart(UriPartial.Authority), id));
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{attacker.Origin}/page.html");

        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("done", new() { Timeout = 30_000 });
        Assert.Equal("refused", await page.Locator("#socket").TextContentAsync());
        Assert.Equal("Running", (await Platform.GetJobAsync(id)).GetProperty("state").GetString());
        Assert.DoesNotContain(await Platform.EventsAsync(id), e => e.GetProperty("type").GetString() == "Cancelled");
        Assert.False(await fixture.ListsJobNamedAsync("csrf-submitted"));
        await Eventually.HoldsAsync(() =>
        {
            // The browser did send them: the gateway saw and refused each one.
            var refusals = string.Join('\n', Platform.Output.Split('\n').Where(line => line.Contains("Refused", StringComparison.Ordinal)));
            foreach (var refused in new[] { $"Refused POST /api/jobs/{id}/cancel with 403", "Refused POST /api/jobs with 403", "Refused GET /hubs/jobs with 403" })
            {
                Assert.True(refusals.Contains(refused, StringComparison.Ordinal), $"'{refused}' is not among the refusals logged:\n{refusals}");
            }

            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "the refusals in the platform's log");
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null)).StatusCode);
    }

    private static string AttackPage(string gateway, string jobId) => $$"""
        <!doctype html>
        <html><body>
        <iframe name="sink"></iframe>
        <form id="form" method="post" target="sink" action="{{gateway}}/api/jobs/{{jobId}}/cancel"><input name="x" value="1"></form>
        <p id="socket">pending</p><p id="done"></p>
        <script>
        (async () => {
            const cancel = '{{gateway}}/api/jobs/{{jobId}}/cancel';
            const sent = new Promise((resolve) => document.querySelector('iframe').addEventListener('load', resolve, { once: true }));
            document.getElementById('form').submit();
            await sent;
            const quietly = (promise) => promise.catch(() => null);
            await quietly(fetch(cancel, { method: 'POST', mode: 'no-cors' }));
            await quietly(fetch(cancel, { method: 'POST', mode: 'no-cors', headers: { 'X-Platform-Client': '1' } }));
            await quietly(fetch('{{gateway}}/api/jobs', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' },
                body: 'name: csrf-submitted\nimage: platform/hello-ps:1.0\nreplicas:\n  worker: { count: 1 }\n' }));
            await new Promise((resolve) => {
                const socket = new WebSocket('{{gateway.Replace("http://", "ws://")}}/hubs/jobs');
                socket.onopen = () => { document.getElementById('socket').textContent = 'opened'; socket.close(); resolve(); };
                socket.onerror = () => { document.getElementById('socket').textContent = 'refused'; resolve(); };
            });
            document.getElementById('done').textContent = 'done';
        })();
        </script>
        </body></html>
        """;
}
