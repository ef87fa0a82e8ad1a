using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Cli;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Priority classes over real HTTP (API version 3): a spec names a class its team may use, never a
/// raw number, and the queue places a higher class first.
/// </summary>
[Trait("Category", "Docker")]
public sealed class PriorityClassTests(PriorityClassFixture fixture) : IClassFixture<PriorityClassFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Raw_priority_is_refused_pointing_to_priorityClass_and_nothing_is_stored()
    {
        var problem = await AssertRefusedAsync(Spec("raw-priority", "priority: 500"), "priority");

        Assert.Contains("priorityClass", Message(problem, "priority"), StringComparison.Ordinal);
        await AssertNotStoredAsync("raw-priority");
    }

    public static TheoryData<string, string, string> NotAllowed => new()
    {
        { "not-allowed", "priorityClass: high", "team 'default' may use: low, normal" },
        { "unknown-class", "team: vision\npriorityClass: urgent", "there is no priority class 'urgent'; team 'vision' may use: low, normal, high" },
    };

    [Theory, MemberData(nameof(NotAllowed))]
    public async Task Class_the_team_may_not_use_is_refused_listing_the_classes_it_may(string name, string fields, string message)
    {
        var problem = await AssertRefusedAsync(Spec(name, fields), "priorityClass");

        Assert.Contains(message, Message(problem, "priorityClass"), StringComparison.Ordinal);
        await AssertNotStoredAsync(name);
    }

    [Fact]
    public async Task High_class_job_runs_before_an_older_normal_one_and_shows_its_class()
    {
        var blocker = Id(await Platform.SubmitAsync(Spec("blocker", "", gpus: 2)));
        await Platform.WaitForStateAsync(blocker, "Running", Timeout);
        var older = Id(await Platform.SubmitAsync(Spec("older-normal", "team: vision", gpus: 2)));
        var younger = Id(await Platform.SubmitAsync(Spec("younger-high", "team: vision\npriorityClass: high", gpus: 2)));
        await Eventually.HoldsAsync(async () => Assert.Contains("GPU", (await Platform.GetJobAsync(older)).GetProperty("reason").GetString()),
            Timeout, "the older job to wait for GPUs");

        Assert.Equal(HttpStatusCode.Accepted, (await Platform.Http.PostAsync($"api/jobs/{blocker}/cancel", null)).StatusCode);

        var placed = await Platform.WaitForStateAsync(younger, "Running", Timeout);
        var waiting = await Platform.GetJobAsync(older);
        Assert.Equal("Pending", waiting.GetProperty("state").GetString());
        Assert.Contains("GPU", waiting.GetProperty("reason").GetString());
        Assert.Equal("high", placed.GetProperty("priorityClass").GetString());
        Assert.Equal("normal", waiting.GetProperty("priorityClass").GetString());
        Assert.Equal("normal", (await Platform.GetJobAsync(blocker)).GetProperty("priorityClass").GetString());
        Assert.False(placed.GetProperty("spec").TryGetProperty("priorityValue", out _), "the resolved value is the platform's, not the spec's");

        var shown = await new CliRunner(Platform).RunAsync("job", "get", younger);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains(shown.StdoutLines, line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["priority", "class", "high"]);

        foreach (var id in new[] { younger, older })
        {
            await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
            await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
        }
    }

    [Fact]
    public async Task Team_naming_an_unknown_class_stops_the_start_naming_the_key()
    {
        await using var platform = new PlatformProcess(fakeGpus: null, extra: new Dictionary<string, string>
        {
            ["Platform__Teams__nlp__PriorityClasses__0"] = "urgent",
        });

        var failure = await Assert.ThrowsAsync<GaveUpException>(platform.StartAsync);

        Assert.Contains("Platform:Teams:nlp:PriorityClasses names 'urgent', which is not a priority class", failure.Message);
    }

    private static string Spec(string name, string fields, int gpus = 0) => $$"""
        name: {{name}}
        image: platform/hello-ps:1.0
        command: ["sh", "-c", "sleep 600"]
        terminationGracePeriodSeconds: 1
        {{fields}}
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: {{gpus}} } }
        """;

    private async Task<JsonElement> AssertRefusedAsync(string spec, string field)
    {
        var response = await Platform.Http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, "application/yaml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        return problem;
    }

    private static string Message(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString() ?? "";

    private async Task AssertNotStoredAsync(string name) =>
        Assert.DoesNotContain((await Platform.Http.GetFromJsonAsync<JsonElement>("api/jobs")).EnumerateArray(),
            job => job.GetProperty("name").GetString() == name);
}
