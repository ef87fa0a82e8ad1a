using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Platform.E2E.Tests.Fuzz;
using Platform.E2E.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Platform.E2E.Tests;

/// <summary>
/// Generated specs against the real platform process: never a 5xx, every refusal problem+json,
/// nothing stored for a refused spec, and the process alive and answering afterwards. The seed is
/// printed; set <c>SPEC_FUZZ_SEED</c> to run the same cases again.
/// </summary>
[Trait("Category", "Docker")]
public sealed class SpecFuzzTests(PlatformFixture fixture, ITestOutputHelper output) : IClassFixture<PlatformFixture>
{
    private const int Cases = 1_000;
    private const int LargeBodyBytes = 512 * 1024;
    private static readonly TimeSpan _answerWithin = TimeSpan.FromSeconds(30);

    private PlatformProcess Platform => fixture.Platform;

    [Fact]
    public async Task Generated_specs_never_get_a_5xx_and_a_refused_one_stores_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SPEC_FUZZ_SEED"), out var given) ? given : Random.Shared.Next();
        output.WriteLine($"SPEC_FUZZ_SEED={seed}");
        var fuzzer = new SpecFuzzer(seed);
        var jobs = await JobCountAsync();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        // Every case runs and every broken rule is kept, so one run shows all that is wrong.
        var failures = new List<(string Rule, string Context)>();
        for (var i = 0; i < Cases; i++)
        {
            var fuzzCase = fuzzer.Next(i);
            var (status, mediaType, body) = await PostAsync(fuzzCase, seed);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var context = $"seed {seed}, {fuzzCase}\nanswered {status} {mediaType}: {Shorten(body)}";
            if (status == (int)HttpStatusCode.Created)
            {
                jobs++;
                await CancelAsync(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, context);
            }
            else if (status is < 400 or >= 500)
            {
                failures.Add(($"answered {status}", context));
            }
            else if (mediaType != "application/problem+json" || !IsJsonObject(body))
            {
                failures.Add(($"{status} not problem+json", context));
            }

            if (await JobCountAsync() != jobs)
            {
                failures.Add(("a refused spec changed the job list", context));
                jobs = await JobCountAsync();
            }
        }

        output.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s; answers: {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        var nodes = await Platform.Http.GetAsync("api/nodes");
        Assert.Equal(HttpStatusCode.OK, nodes.StatusCode);
        Assert.Equal(jobs, await JobCountAsync());
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.GroupBy(f => f.Rule).Select(g =>
            $"{g.Key}: {g.Count()} cases, the first: {g.First().Context}")));
    }

    private async Task<(int Status, string? MediaType, string Body)> PostAsync(FuzzCase fuzzCase, int seed)
    {
        var bytes = Encoding.UTF8.GetBytes(fuzzCase.Body);
        using var content = new ByteArrayContent(bytes);
        if (fuzzCase.ContentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
        }

        // A gateway that refuses a large body before reading it answers before the body is sent,
        // instead of closing the connection under a client still writing it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs") { Content = content };
        request.Headers.ExpectContinue = bytes.Length > LargeBodyBytes;
        using var timeout = new CancellationTokenSource(_answerWithin);
        try
        {
            using var response = await Platform.Http.SendAsync(request, timeout.Token);
            return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync(timeout.Token));
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"No answer within {_answerWithin.TotalSeconds} s (seed {seed}, {fuzzCase}); platform output:\n{Tail(Platform.Output)}", e);
        }
    }

    /// <summary>A job accepted by chance is cancelled at once: it must hold nothing for the next cases.</summary>
    private async Task CancelAsync(string id, string context)
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        var response = await Platform.Http.PostAsync($"api/jobs/{id}/cancel", content);
        Assert.True(response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"cancel answered {(int)response.StatusCode}: {context}");
    }

    /// <summary>
    /// Jobs as <c>GET /api/jobs</c> lists them: an array, or pages (an object holding an array and
    /// a cursor to the next page) followed to the end.
    /// </summary>
    /// <summary>Every listed job, page by page through the list's next links.</summary>
    private async Task<int> JobCountAsync()
    {
        var count = 0;
        string? path = "api/jobs?limit=1000";
        while (path is not null)
        {
            using var response = await Platform.Http.GetAsync(path);
            response.EnsureSuccessStatusCode();
            count += JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetArrayLength();
            path = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>').TrimStart('/') : null;
        }

        return count;
    }

    private static bool IsJsonObject(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Shorten(string text) => text.Length <= 500 ? text : $"{text[..500]}…";

    private static string Tail(string text) => text.Length <= 4_000 ? text : text[^4_000..];
}
