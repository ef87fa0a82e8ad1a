using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests;

/// <summary>The SignalR hub of API.md: job updates, every log line in order, metric points.</summary>
[Trait("Category", "Docker")]
public sealed class LiveUpdatesTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Subscriber_sees_the_job_change_state_until_it_succeeds()
    {
        var id = JobJson.Id(await Platform.SubmitAsync("""
            name: watched
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "sleep 1; echo done"]
            replicas:
              worker: { count: 1, resources: { cpus: 0.25, memoryMb: 128 } }
            """));
        await using var client = await HubClient.ConnectAsync(Platform);

        await client.SubscribeAsync(id);

        await Eventually.HoldsAsync(() =>
        {
            Assert.Contains(client.Jobs, job => job.GetProperty("state").GetString() == "Succeeded");
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60), "jobUpdated with Succeeded");
        var states = client.Jobs.Select(job => job.GetProperty("state").GetString()).Distinct().ToList();
        Assert.Equal("Succeeded", states[^1]);
        Assert.Contains("Running", states);
        Assert.Contains(client.Lines, line => line.GetProperty("text").GetString() == "done");
    }

    [Fact]
    public async Task Two_hundred_thousand_lines_reach_every_subscriber_in_order_none_twice_and_a_late_one_gets_the_history_first()
    {
        const int Total = 200_000;
        await using var early = await HubClient.ConnectAsync(Platform);
        await using var late = await HubClient.ConnectAsync(Platform);
        var id = JobJson.Id(await Platform.SubmitAsync($$"""
            name: floods
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "seq 1 {{Total / 2}}; sleep 3; seq {{Total / 2 + 1}} {{Total}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 1, memoryMb: 256 } }
            """));
        await early.SubscribeAsync(id);
        await Eventually.HoldsAsync(() =>
        {
            Assert.True(early.Lines.Count >= 1000, $"{early.Lines.Count} lines so far");
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(60), "the first lines to arrive");

        await late.SubscribeAsync(id);

        foreach (var client in new[] { early, late })
        {
            await Eventually.HoldsAsync(() =>
            {
                Assert.True(client.Lines.Count >= Total, $"{client.Lines.Count} of {Total} lines");
                return Task.CompletedTask;
            }, TimeSpan.FromMinutes(3), "every line");
            var lines = client.Lines.ToList();
            Assert.Equal(Enumerable.Range(1, Total).Select(i => i.ToString()), lines.Select(line => line.GetProperty("text").GetString()));
            Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), lines.Select(line => line.GetProperty("seq").GetInt64()));
        }

        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_client_that_stops_reading_slows_neither_the_task_nor_other_clients_and_catches_up_later()
    {
        const int Total = 100_000;
        using var gate = new SemaphoreSlim(0);
        await using var stuck = await HubClient.ConnectAsync(Platform, gate);
        await using var reader = await HubClient.ConnectAsync(Platform);
        var id = JobJson.Id(await Platform.SubmitAsync($$"""
            name: outpaces
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "sleep 1; seq 1 {{Total}}"]
            replicas:
              worker: { count: 1, resources: { cpus: 1, memoryMb: 256 } }
            """));
        await stuck.SubscribeAsync(id);
        await reader.SubscribeAsync(id);

        // The stuck client holds its first batch until the gate opens; meanwhile everything else runs to the end.
        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromMinutes(2));
        await Eventually.HoldsAsync(() =>
        {
            Assert.Equal(Total, reader.Lines.Count);
            return Task.CompletedTask;
        }, TimeSpan.FromMinutes(1), "the reading client to get every line");
        Assert.True(stuck.Lines.Count < Total, $"the stuck client got {stuck.Lines.Count} lines");

        gate.Release();

        await Eventually.HoldsAsync(() =>
        {
            Assert.Equal(Total, stuck.Lines.Count);
            return Task.CompletedTask;
        }, TimeSpan.FromMinutes(1), "the stuck client to catch up");
        Assert.Equal(Enumerable.Range(1, Total).Select(i => i.ToString()), stuck.Lines.Select(line => line.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Metric_lines_become_series_pushed_live_and_served_over_rest()
    {
        await using var client = await HubClient.ConnectAsync(Platform);
        await using var gate = new ScriptServer();
        var id = JobJson.Id(await Platform.SubmitAsync($$"""
            name: learns
            image: platform/hello-ps:1.0
            command:
              - bash
              - -c
              - |
                {{gate.ReadAndRun}}
                for step in 1 2 3; do echo "@metric {\"step\": $step, \"loss\": 0.$((10 - step * 3)), \"accuracy\": 0.$((5 + step))}"; done
                echo '@metric {"throughput": 1200}'
            replicas:
              worker: { count: 2, resources: { cpus: 0.25, memoryMb: 128 } }
            successPolicy: AllWorkers
            """));
        await client.SubscribeAsync(id);
        gate.Add("true");
        gate.Add("true");

        await Platform.WaitForStateAsync(id, "Succeeded", TimeSpan.FromSeconds(60));

        var metrics = await Platform.Http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}/metrics");
        var series = metrics.GetProperty("series").EnumerateArray().ToList();
        Assert.Equal(6, series.Count);
        var loss = series.Single(s => s.GetProperty("task").GetString() == "worker-0" && s.GetProperty("name").GetString() == "loss");
        Assert.Equal([(1L, 0.7), (2L, 0.4), (3L, 0.1)],
            loss.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("step").GetInt64(), p.GetProperty("value").GetDouble())));
        var throughput = series.Single(s => s.GetProperty("task").GetString() == "worker-1" && s.GetProperty("name").GetString() == "throughput");
        Assert.Equal(JsonValueKind.Null, Assert.Single(throughput.GetProperty("points").EnumerateArray()).GetProperty("step").ValueKind);
        await Eventually.HoldsAsync(() =>
        {
            Assert.Equal(14, client.Points.Count);
            return Task.CompletedTask;
        }, TimeSpan.FromSeconds(10), "every metric point pushed");
        Assert.Contains(await Platform.LogsAsync(id), line => line.GetProperty("text").GetString()!.StartsWith("@metric", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_job_or_notebook_is_refused_with_a_reason()
    {
        await using var client = await HubClient.ConnectAsync(Platform);

        var unknown = await Assert.ThrowsAsync<HubException>(() => client.SubscribeAsync("no-such-job"));
        Assert.Contains("no-such-job", unknown.Message);
        var notebook = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SubscribeNotebook", "nb-1"));
        Assert.Contains("no notebook 'nb-1'", notebook.Message);
    }
}
