using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

/// <summary>Job ids that never collide, retries made safe by Idempotency-Key, and the job list in pages.</summary>
[Trait("Category", "Docker")]
public sealed class JobSubmitAndListTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task The_same_spec_sent_twice_without_a_key_makes_two_jobs()
    {
        var team = Team();
        var first = JobJson.Id(await Platform.SubmitAsync(Spec("twin", team)));
        var second = JobJson.Id(await Platform.SubmitAsync(Spec("twin", team)));

        Assert.NotEqual(first, second);
        Assert.Matches("^twin-[0-9a-f]{16}$", first);
        Assert.Equal(2, (await ListAsync($"api/jobs?team={team}")).GetArrayLength());
    }

    [Fact]
    public async Task A_retried_submit_with_its_idempotency_key_gets_the_same_job_and_a_changed_spec_is_refused()
    {
        var team = Team();
        var key = Guid.NewGuid().ToString();

        var first = await PostAsync(Spec("keyed", team), key);
        var retried = await PostAsync(Spec("keyed", team), key);
        var changed = await PostAsync(Spec("keyed", team, cpus: "0.2"), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        Assert.Equal(first.Headers.Location, retried.Headers.Location);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, (await ListAsync($"api/jobs?team={team}")).GetArrayLength());
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    public async Task An_unusable_idempotency_key_is_refused_naming_the_header_and_stores_nothing(string key)
    {
        var team = Team();

        var response = await PostAsync(Spec("badkey", team), key);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0, (await ListAsync($"api/jobs?team={team}")).GetArrayLength());
    }

    [Fact]
    public async Task The_list_pages_newest_first_through_next_links()
    {
        var team = Team();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(JobJson.Id(await Platform.SubmitAsync(Spec($"page-{i}", team))));
        }

        var seen = new List<string>();
        string? next = $"api/jobs?team={team}&limit=2";
        var pages = 0;
        while (next is not null)
        {
            var response = await Platform.Http.GetAsync(next);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<JsonElement>();
            seen.AddRange(page.EnumerateArray().Select(JobJson.Id));
            next = response.Headers.TryGetValues("Link", out var links)
                ? links.Single().Split(';')[0].Trim('<', '>').TrimStart('/')
                : null;
            pages++;
        }

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(ids), seen);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("state=Sleeping", "state")]
    public async Task A_bad_list_query_is_refused_naming_the_field(string query, string field)
    {
        var response = await Platform.Http.GetAsync($"api/jobs?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    private static string Team() => $"t{Guid.NewGuid():N}"[..20];

    private static string Spec(string name, string team, string cpus = "0.1") => $$"""
        name: {{name}}
        team: {{team}}
        image: platform/hello-ps:1.0
        replicas:
          worker: { count: 1, resources: { cpus: {{cpus}}, memoryMb: 64 } }
        """;

    private Task<HttpResponseMessage> PostAsync(string spec, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = new StringContent(spec, Encoding.UTF8, "application/yaml") };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return Platform.Http.SendAsync(request);
    }

    private Task<JsonElement> ListAsync(string path) => Platform.Http.GetFromJsonAsync<JsonElement>(path);
}
