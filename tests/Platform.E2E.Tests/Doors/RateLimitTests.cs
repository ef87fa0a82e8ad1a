using System.Net;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>Submissions past the rate are refused with 429 problem+json and Retry-After; everything else still answers.</summary>
[Trait("Category", "Docker")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly PlatformProcess _platform = new(fakeGpus: 1, extra: new Dictionary<string, string>
    {
        ["Platform__Limits__SubmitsPerSecond"] = "1",
        ["Platform__Limits__SubmitBurst"] = "3",
    });

    [Fact]
    public async Task Submits_past_the_burst_answer_429_with_retry_after_and_store_nothing()
    {
        // Refused specs spend the rate too: the limit protects the parser as much as the store.
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(await _platform.Http.PostAsync("api/jobs", new StringContent("name: Not-A-Label", Encoding.UTF8, "application/yaml")));
        }

        Assert.Contains(answers, answer => answer.StatusCode == HttpStatusCode.BadRequest);
        var limited = answers.Where(answer => answer.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        await Problem.AssertAsync(limited[0], HttpStatusCode.TooManyRequests);
        Assert.True(limited[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited[0].Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await _platform.Http.GetAsync("api/jobs")).StatusCode);
        Assert.Equal("[]", await _platform.Http.GetStringAsync("api/jobs"));

        // Each user has a bucket of their own: the admin's flood leaves another user's submits alone.
        using var ann = await _platform.UserAsync("ann", "member", "vision");
        var own = await ann.Http.PostAsync("api/jobs", new StringContent("name: Not-A-Label", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
    }

    public async Task InitializeAsync()
    {
        await DockerEngine.RequireAsync();
        await _platform.StartAsync();
    }

    public async Task DisposeAsync() => await _platform.DisposeAsync();
}
