using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Team secrets end to end: a member writes one, a job of the team names it in secretEnv and its container
/// reads it (it prints only the value's SHA-256); the value appears in no API answer, hub message or line
/// the platform writes. Other teams get 404, viewers 403 on writes.
/// </summary>
[Trait("Category", "Docker")]
public sealed class TeamSecretsTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task A_job_reads_its_team_s_secret_which_shows_nowhere()
    {
        using var ann = await Platform.UserAsync("ann", "member", "vision");
        var value = $"sv-{Guid.NewGuid():N}";
        var created = await ann.Http.PostAsJsonAsync("api/teams/vision/secrets", new { name = "db-password", value });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        await using var hub = await HubClient.ConnectAsync(Platform, token: ann.Token);
        var submitted = await ann.Http.PostAsync("api/jobs", new StringContent(Spec("secret-reader", "db-password"), Encoding.UTF8, "application/yaml"));
        var body = await submitted.Content.ReadAsStringAsync();
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, body);
        var id = Id(JsonDocument.Parse(body).RootElement);
        await hub.SubscribeAsync(id);

        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        // The task ends at once: wait for the end, then for its line (WaitForLineAsync gives up on a job that has ended).
        var job = await Platform.WaitForStateAsync(id, "Succeeded", Timeout);
        await Eventually.HoldsAsync(async () => Assert.Contains($"sha={sha}", await Platform.TextsAsync(id, "worker-0")), Timeout, "worker-0's sha line");
        Assert.Equal("db-password", job.GetProperty("spec").GetProperty("replicas").GetProperty("worker").GetProperty("secretEnv").GetProperty("DB_PASSWORD").GetString());
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(hub.Lines, line => line.GetProperty("text").GetString()!.Contains(sha, StringComparison.Ordinal));
            Assert.Contains(hub.Jobs, update => update.GetProperty("state").GetString() == "Succeeded");
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "the hub to send the job's lines and its end");

        foreach (var path in new[] { $"api/jobs/{id}", "api/jobs", $"api/jobs/{id}/events", $"api/jobs/{id}/logs", $"api/jobs/{id}/metrics", "api/nodes", "api/teams/vision/secrets" })
        {
            var answer = await ann.Http.GetStringAsync(path);
            Assert.True(answer.Length > 2, $"{path} answered nothing");
            Assert.False(answer.Contains(value, StringComparison.Ordinal), $"{path} shows the secret's value");
        }

        var messages = string.Join('\n', hub.Lines.Concat(hub.Jobs).Concat(hub.Points).Concat(hub.Notebooks).Select(message => message.GetRawText()));
        Assert.Contains(id, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(value, messages, StringComparison.Ordinal);
        Assert.DoesNotContain(value, Platform.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_write_the_team_reads_names_other_teams_see_nothing()
    {
        using var ann = await Platform.UserAsync("ann-w", "member", "nlp");
        using var vic = await Platform.UserAsync("vic", "viewer", "nlp");
        using var eve = await Platform.UserAsync("eve", "member", "speech");
        using var nobody = Platform.ClientWith(null);

        Assert.Equal(HttpStatusCode.Created, (await ann.Http.PostAsJsonAsync("api/teams/nlp/secrets", new { name = "hf_token", value = "first" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ann.Http.PostAsJsonAsync("api/teams/nlp/secrets", new { name = "hf_token", value = "second" })).StatusCode);

        var listed = await vic.Http.GetFromJsonAsync<JsonElement>("api/teams/nlp/secrets");
        var secret = Assert.Single(listed.EnumerateArray());
        Assert.Equal(["createdAt", "name", "updatedAt", "updatedBy"], secret.EnumerateObject().Select(field => field.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("hf_token", "ann-w"), (secret.GetProperty("name").GetString(), secret.GetProperty("updatedBy").GetString()));

        Assert.Equal(HttpStatusCode.Forbidden, (await vic.Http.PostAsJsonAsync("api/teams/nlp/secrets", new { name = "x", value = "v" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await vic.Http.DeleteAsync("api/teams/nlp/secrets/hf_token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Http.GetAsync("api/teams/nlp/secrets")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Http.PostAsJsonAsync("api/teams/nlp/secrets", new { name = "x", value = "v" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Http.DeleteAsync("api/teams/nlp/secrets/hf_token")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.GetAsync("api/teams/nlp/secrets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Platform.Http.GetAsync("api/teams/nlp/secrets")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await ann.Http.DeleteAsync("api/teams/nlp/secrets/hf_token")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ann.Http.DeleteAsync("api/teams/nlp/secrets/hf_token")).StatusCode);
        Assert.Empty((await vic.Http.GetFromJsonAsync<JsonElement>("api/teams/nlp/secrets")).EnumerateArray());
    }

    [Fact]
    public async Task Bad_writes_and_specs_naming_missing_secrets_are_refused_naming_the_field()
    {
        using var ann = await Platform.UserAsync("ann-r", "member", "refusals");

        await AssertRefusedAsync(await ann.Http.PostAsJsonAsync("api/teams/refusals/secrets", new { name = new string('a', 64), value = "v" }), "name");
        await AssertRefusedAsync(await ann.Http.PostAsJsonAsync("api/teams/refusals/secrets", new { name = "big", value = new string('x', 64 * 1024 + 1) }), "value");
        await AssertRefusedAsync(await ann.Http.PostAsync("api/jobs", new StringContent(Spec("secret-missing", "nope"), Encoding.UTF8, "application/yaml")),
            "replicas.worker.secretEnv.DB_PASSWORD");
        Assert.Empty((await ann.Http.GetFromJsonAsync<JsonElement>("api/teams/refusals/secrets")).EnumerateArray());
        Assert.DoesNotContain((await ann.Http.GetFromJsonAsync<JsonElement>("api/jobs")).EnumerateArray(),
            job => job.GetProperty("name").GetString() == "secret-missing");
    }

    [Fact]
    public async Task Another_team_cannot_see_a_job_so_not_its_env_either()
    {
        using var ann = await Platform.UserAsync("ann-e", "member", "envteam");
        using var eve = await Platform.UserAsync("eve-e", "member", "otherteam");
        var spec = $$"""
            name: env-shown
            image: {{DockerEngine.SampleImage}}
            command: ["sh", "-c", "true"]
            env: { PLAIN: "team-only-7f3a" }
            replicas:
              worker: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
            """;
        var submitted = await ann.Http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, "application/yaml"));
        var id = Id(JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement);

        Assert.Contains("team-only-7f3a", await ann.Http.GetStringAsync($"api/jobs/{id}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await eve.Http.GetAsync($"api/jobs/{id}")).StatusCode);
        Assert.DoesNotContain("team-only-7f3a", await eve.Http.GetStringAsync("api/jobs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cli_sets_lists_and_deletes_a_secret_without_ever_printing_it()
    {
        var cli = new Cli.CliRunner(Platform);

        var set = await cli.RunAsync("secret", "set", "cliteam", "api-key", "--value", "cli-value-5e1");
        var replaced = await cli.RunAsync("secret", "set", "cliteam", "api-key", "--value", "cli-value-5e2");
        var listed = await cli.RunAsync("secret", "list", "cliteam");
        var deleted = await cli.RunAsync("secret", "delete", "cliteam", "api-key");
        var empty = await cli.RunAsync("secret", "list", "cliteam");
        var again = await cli.RunAsync("secret", "delete", "cliteam", "api-key");

        Assert.True(set.ExitCode == 0 && set.Stderr.Contains("created", StringComparison.Ordinal), set.ToString());
        Assert.True(replaced.ExitCode == 0 && replaced.Stderr.Contains("replaced", StringComparison.Ordinal), replaced.ToString());
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("api-key", Assert.Single(listed.TableRows)[0]);
        Assert.DoesNotContain("cli-value", listed.ToString(), StringComparison.Ordinal);
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        Assert.Empty(empty.TableRows);
        Assert.True(again.ExitCode != 0, again.ToString());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected an error on {field}: {body}");
    }

    private static string Spec(string name, string secret) => $$"""
        name: {{name}}
        image: {{DockerEngine.SampleImage}}
        command: ["sh", "-c", "echo sha=$(printf %s \"$DB_PASSWORD\" | sha256sum | cut -d' ' -f1)"]
        terminationGracePeriodSeconds: 1
        replicas:
          worker:
            count: 1
            resources: { cpus: 0.1, memoryMb: 64 }
            secretEnv: { DB_PASSWORD: {{secret}} }
        """;
}
