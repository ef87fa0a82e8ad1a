using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

// Cluster mode against the embedded mode, in one run:
//   start   URL_EMBEDDED TOKEN_EMBEDDED URL_CLUSTER TOKEN_CLUSTER [ROUNDS]
//           submit → every task Running of a 1 ps + 4 worker job, median of ROUNDS (5), ratio cluster / embedded.
//   submit  URL_1 URL_2 TOKEN [JOBS] [SUBMITTERS]
//           JOBS (1,000) tiny jobs from SUBMITTERS (200) concurrent clients over both gateways: errors, p50/p99 latency.
var invariant = CultureInfo.InvariantCulture;
switch (args.ElementAtOrDefault(0))
{
    case "start":
        var rounds = int.Parse(args.ElementAtOrDefault(5) ?? "5", invariant);
        var embedded = await MedianStartAsync(Client(args[1], args[2]), rounds);
        var cluster = await MedianStartAsync(Client(args[3], args[4]), rounds);
        Console.WriteLine(string.Create(invariant,
            $"submit → all 5 tasks Running, median of {rounds}: embedded {embedded:F2} s, cluster {cluster:F2} s, ratio cluster / embedded {cluster / embedded:F2}"));
        return 0;
    case "submit":
        return await SubmitLoadAsync([Client(args[1], args[3]), Client(args[2], args[3])],
            int.Parse(args.ElementAtOrDefault(4) ?? "1000", invariant), int.Parse(args.ElementAtOrDefault(5) ?? "200", invariant));
    default:
        Console.Error.WriteLine("usage: ClusterBench start URL_EMBEDDED TOKEN URL_CLUSTER TOKEN [ROUNDS] | submit URL_1 URL_2 TOKEN [JOBS] [SUBMITTERS]");
        return 2;
}

static HttpClient Client(string url, string token)
{
    var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
    client.DefaultRequestHeaders.Authorization = new("Bearer", token);
    client.DefaultRequestHeaders.Add("X-Platform-Client", "bench");
    return client;
}

static async Task<double> MedianStartAsync(HttpClient http, int rounds)
{
    var seconds = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        const string Spec = """
            name: start-bench
            image: platform/hello-ps:1.0
            command: ["sh", "-c", "sleep 30"]
            replicas:
              ps: { count: 1, resources: { cpus: 0.1, memoryMb: 64 } }
              worker: { count: 4, resources: { cpus: 0.1, memoryMb: 64 } }
            terminationGracePeriodSeconds: 1
            """;
        var clock = Stopwatch.StartNew();
        var id = await SubmitAsync(http, Spec);
        while (true)
        {
            var job = await http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}");
            if (job.GetProperty("tasks").EnumerateArray().Count(task => task.GetProperty("state").GetString() == "Running") == 5)
            {
                break;
            }

            await Task.Delay(20);
        }

        seconds.Add(clock.Elapsed.TotalSeconds);
        (await http.PostAsync($"api/jobs/{id}/cancel", null)).EnsureSuccessStatusCode();
        while ((await http.GetFromJsonAsync<JsonElement>($"api/jobs/{id}")).GetProperty("state").GetString() != "Cancelled")
        {
            await Task.Delay(100);
        }
    }

    return seconds.Order().ElementAt(seconds.Count / 2);
}

static async Task<string> SubmitAsync(HttpClient http, string spec)
{
    using var response = await http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, "application/yaml"));
    var body = await response.Content.ReadAsStringAsync();
    return response.IsSuccessStatusCode
        ? JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!
        : throw new InvalidOperationException($"submit answered {(int)response.StatusCode}: {body}");
}

static async Task<int> SubmitLoadAsync(HttpClient[] gateways, int jobs, int submitters)
{
    const string Tiny = """
        name: tiny
        runtime: process
        command: ["true"]
        replicas:
          worker: { count: 1, resources: { cpus: 0.01, memoryMb: 16 } }
        """;
    var latencies = new List<double>();
    var errors = new List<string>();
    var next = -1;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, submitters).Select(async submitter =>
    {
        var http = gateways[submitter % gateways.Length];
        while (Interlocked.Increment(ref next) < jobs)
        {
            var one = Stopwatch.StartNew();
            try
            {
                await SubmitAsync(http, Tiny);
                lock (latencies)
                {
                    latencies.Add(one.Elapsed.TotalMilliseconds);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                lock (errors)
                {
                    errors.Add(e.Message);
                }
            }
        }
    }));
    var elapsed = clock.Elapsed.TotalSeconds;
    var sorted = latencies.Order().ToList();
    double Percentile(double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{jobs} submits from {submitters} clients over {gateways.Length} gateways in {elapsed:F1} s ({latencies.Count / elapsed:F0}/s): errors {errors.Count}, p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms"));
    foreach (var error in errors.Distinct().Take(5))
    {
        Console.WriteLine($"  error: {error}");
    }

    return errors.Count == 0 ? 0 : 1;
}
