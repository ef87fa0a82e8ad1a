using System.Net;
using System.Text.Json;
using Platform.E2E.Tests.Cli;
using Platform.E2E.Tests.Infrastructure;
using static Platform.E2E.Tests.Infrastructure.JobJson;

namespace Platform.E2E.Tests;

/// <summary>
/// Draining a node over real HTTP and the CLI: admins only; a draining node takes nothing new and
/// shows Draining with who drained it; undrain places what waited.
/// </summary>
[Trait("Category", "Docker")]
public sealed class NodeDrainTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private PlatformProcess Platform => fixture.Platform;

    public static TheoryData<string, string> NotAdmins => new()
    {
        { "member", "drain" },
        { "member", "undrain" },
        { "viewer", "drain" },
        { "viewer", "undrain" },
    };

    [Theory, MemberData(nameof(NotAdmins))]
    public async Task Only_admins_drain_or_undrain_a_node(string role, string action)
    {
        using var user = await Platform.UserAsync($"{role}-{action}", role, "default");

        var response = await user.Http.PostAsync($"api/nodes/{Platform.NodeId}/{action}", null);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Ready", (await Platform.NodeAsync(Platform.NodeId))!.Value.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("drain")]
    [InlineData("undrain")]
    public async Task Unknown_node_is_not_found(string action)
    {
        var response = await Platform.Http.PostAsync($"api/nodes/no-such-node/{action}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await Platform.NodeAsync("no-such-node"));
    }

    [Fact]
    public async Task Drained_node_takes_nothing_new_until_it_is_undrained()
    {
        var drained = await PostAsync("drain");
        Assert.Equal("Draining", drained.GetProperty("state").GetString());
        Assert.Equal("admin", drained.GetProperty("drainedBy").GetString());
        var listed = (await Platform.NodeAsync(Platform.NodeId))!.Value;
        Assert.Equal("Draining", listed.GetProperty("state").GetString());
        Assert.Equal("admin", listed.GetProperty("drainedBy").GetString());

        var id = Id(await Platform.SubmitAsync(Spec("waits-for-undrain")));
        await Eventually.HoldsAsync(async () =>
        {
            var waiting = await Platform.GetJobAsync(id);
            Assert.Equal("Pending", waiting.GetProperty("state").GetString());
            Assert.Contains($"{Platform.NodeId} is draining", OptionalString(waiting, "reason"), StringComparison.Ordinal);
        }, Timeout, "the job to wait, naming the draining node");

        var undrained = await PostAsync("undrain");

        Assert.Equal("Ready", undrained.GetProperty("state").GetString());
        Assert.Equal("admin", undrained.GetProperty("undrainedBy").GetString());
        await Platform.WaitForStateAsync(id, "Running", Timeout);
        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains($"Node {Platform.NodeId} drained by admin", Platform.Output, StringComparison.Ordinal);
            Assert.Contains($"Node {Platform.NodeId} undrained by admin", Platform.Output, StringComparison.Ordinal);
            return System.Threading.Tasks.Task.CompletedTask;
        }, Timeout, "the platform's log to say who drained and undrained the node");
        await Platform.Http.PostAsync($"api/jobs/{id}/cancel", null);
        await Platform.WaitForStateAsync(id, "Cancelled", Timeout);
    }

    [Fact]
    public async Task Cli_drains_and_undrains_and_node_list_shows_the_state()
    {
        var cli = new CliRunner(Platform);
        try
        {
            var drain = await cli.RunAsync("node", "drain", Platform.NodeId);
            Assert.True(drain.ExitCode == 0, drain.ToString());
            Assert.Contains($"node {Platform.NodeId} Draining (drained by admin)", drain.Stdout, StringComparison.Ordinal);
            var list = await cli.RunAsync("node", "list");
            Assert.True(list.ExitCode == 0, list.ToString());
            Assert.Contains(list.TableRows, row => row is [var node, "Draining", ..] && node == Platform.NodeId);
        }
        finally
        {
            var undrain = await cli.RunAsync("node", "undrain", Platform.NodeId);
            Assert.True(undrain.ExitCode == 0, undrain.ToString());
            Assert.Contains($"node {Platform.NodeId} Ready", undrain.Stdout, StringComparison.Ordinal);
        }

        var unknown = await cli.RunAsync("node", "drain", "no-such-node");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("There is no node no-such-node", unknown.Stderr, StringComparison.Ordinal);
    }

    private async Task<JsonElement> PostAsync(string action)
    {
        var response = await Platform.Http.PostAsync($"api/nodes/{Platform.NodeId}/{action}", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{action} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static string Spec(string name) => $$"""
        name: {{name}}
        image: platform/hello-ps:1.0
        command: ["sh", "-c", "sleep 600"]
        terminationGracePeriodSeconds: 1
        replicas:
          worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128, gpus: 1 } }
        """;
}
