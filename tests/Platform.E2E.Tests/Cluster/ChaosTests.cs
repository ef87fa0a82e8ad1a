using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// The chaos suite, short form: jobs of mixed shapes run on the local cluster while one silo, one
/// gateway and one agent are killed with SIGKILL and started again, and Redis and PostgreSQL are
/// restarted. Then every job has the end state its spec implies, no GPU was held twice, no log line
/// is lost or repeated, no task ran twice at once (its own <c>flock</c>), and the API was down for a
/// bounded window. <c>CHAOS_JOBS</c> sets the number of jobs (default 50; <c>bench/chaos.sh</c> runs a long form).
/// </summary>
[Trait("Category", "Cluster")]
[Collection(LocalClusterCollection.Name)]
public sealed partial class ChaosTests(LocalCluster cluster, ITestOutputHelper output)
{
    /// <summary>A sanity bound, not a target: the window measured is printed.</summary>
    private static readonly TimeSpan MaxOutage = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Jobs_survive_the_loss_of_any_one_process_with_nothing_lost_or_doubled()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CHAOS_JOBS"), CultureInfo.InvariantCulture, out var n) ? n : 50;
        var locks = Directory.CreateTempSubdirectory("platform-chaos-locks-").FullName;
        var jobs = ChaosJob.Mix(count, seed: 20261203);
        var gateways = new[] { cluster.Http1, cluster.Http2 };
        var ids = new Dictionary<string, ChaosJob>();

        await using (var watch = new ApiWatch(gateways))
        {
            // Half before the chaos, the rest while it runs: an accepted job is one that got its 201.
            var firstHalf = jobs.Take(count / 2).ToList();
            foreach (var (job, id) in firstHalf.Zip(await Task.WhenAll(firstHalf.Select((job, i) => SubmitAsync(job, locks, i)))))
            {
                ids[id] = job;
            }

            var submitting = Task.WhenAll(jobs.Skip(count / 2).Select(async (job, i) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(i));
                return (job, id: await SubmitAsync(job, locks, i));
            }));
            await ChaosAsync();
            foreach (var (job, id) in await submitting)
            {
                ids[id] = job;
            }

            await WaitForEndAsync(ids);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"API: longest window with no gateway answering {watch.LongestOutage.TotalSeconds:F1} s; {watch.Unanswered} of {watch.Probes} probes unanswered"));
            Assert.True(watch.LongestOutage < MaxOutage, $"The API did not answer for {watch.LongestOutage}.");
        }

        foreach (var (id, job) in ids)
        {
            await CheckAsync(id, job);
        }

        Directory.Delete(locks, recursive: true);
    }

    private async Task ChaosAsync()
    {
        await StepAsync("silo-1", kill: true);
        await StepAsync("gateway-1", kill: true);
        await StepAsync("agent-2", kill: true);
        await StepAsync("redis", kill: false);
        await StepAsync("postgres", kill: false);
    }

    private async Task StepAsync(string name, bool kill)
    {
        await Task.Delay(TimeSpan.FromSeconds(4));
        if (kill)
        {
            await cluster.KillAsync(name);
        }
        else
        {
            await cluster.StopAsync(name);
        }

        await cluster.StartAsync(name);
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {(kill ? "killed" : "restarted")} {name}");
    }

    /// <summary>Submits through one gateway, and again with the same Idempotency-Key through the other while it gets no answer.</summary>
    private async Task<string> SubmitAsync(ChaosJob job, string locks, int index)
    {
        var key = $"{job.Name}-{Guid.NewGuid():N}";
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        for (var attempt = index; ; attempt++)
        {
            var gateway = attempt % 2 == 0 ? cluster.Http1 : cluster.Http2;
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs")
            {
                Content = new StringContent(job.Spec(locks), Encoding.UTF8, "application/yaml"),
            };
            request.Headers.Add("Idempotency-Key", key);
            try
            {
                using var response = await gateway.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    return JobJson.Id(JsonDocument.Parse(body).RootElement);
                }

                Assert.True((int)response.StatusCode >= 500 && DateTime.UtcNow < deadline, $"submit of {job.Name} answered {(int)response.StatusCode}: {body}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private async Task WaitForEndAsync(Dictionary<string, ChaosJob> ids) => await Eventually.HoldsAsync(async () =>
    {
        foreach (var id in ids.Keys)
        {
            var state = (await cluster.Http1.GetJobAsync(id)).GetProperty("state").GetString();
            Assert.True(state is "Succeeded" or "Failed" or "Cancelled", $"{ids[id].Name} ({id}) is {state}");
        }
    }, TimeSpan.FromMinutes(8), "every chaos job to end");

    private async Task CheckAsync(string id, ChaosJob job)
    {
        var state = (await cluster.Http2.GetJobAsync(id)).GetProperty("state").GetString();
        var lines = await cluster.Http2.LogsAsync(id);
        var texts = lines.Select(line => (Task: line.GetProperty("task").GetString()!, Text: line.GetProperty("text").GetString()!)).ToList();
        var context = $"{job.Name} ({id}, {job.Runtime}, {job.Workers}x{job.Gpus} GPUs)";
        Assert.True(job.EndState == state, $"{context} ended {state}, not {job.EndState}");
        // Each host-process task holds a flock on its job and task: a second copy started while the first runs says TWICE.
        if (texts.Where(line => line.Text.StartsWith("TWICE", StringComparison.Ordinal)).Select(line => line.Task).Distinct().ToList() is { Count: > 0 } twice)
        {
            Assert.Fail($"{context}: {string.Join(", ", twice)} started again while the first copy ran; the job's events:\n{string.Join('\n', await cluster.Http2.EventsAsync(id))}");
        }

        Assert.DoesNotContain(texts, line => line.Text.Contains("already held", StringComparison.Ordinal));
        Assert.Equal(lines.Count, lines.Select(line => line.GetProperty("seq").GetInt64()).Distinct().Count());
        if (job.Fails)
        {
            return;
        }

        foreach (var task in Enumerable.Range(0, job.Workers).Select(i => $"worker-{i}"))
        {
            // Per attempt: 1, 2, 3... with no gap and no repeat; the attempt that finished printed every line.
            var attempts = texts.Where(line => line.Task == task).Select(line => Numbered().Match(line.Text)).Where(match => match.Success)
                .GroupBy(match => match.Groups["nonce"].Value, match => int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture));
            foreach (var attempt in attempts)
            {
                Assert.True(attempt.SequenceEqual(Enumerable.Range(1, attempt.Count())), $"{context} {task} attempt {attempt.Key}: lines {Gaps(attempt)}");
            }

            // A job restarted as a whole runs a finished task again: every attempt that said done printed every line.
            var finished = texts.Where(line => line.Task == task && line.Text.StartsWith("done ", StringComparison.Ordinal)).ToList();
            Assert.True(finished.Count > 0, $"{context} {task} never finished");
            Assert.All(finished, done => Assert.Equal(job.Lines, attempts.Single(attempt => attempt.Key == done.Text["done ".Length..]).Count()));
        }
    }

    private static string Gaps(IEnumerable<int> numbers) => string.Join(",", numbers.Take(400));

    [GeneratedRegex(@"^n=(?<nonce>\S+) i=(?<i>\d+)$")]
    private static partial Regex Numbered();
}
