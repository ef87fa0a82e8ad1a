using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

// Log throughput end to end: a task prints N numbered lines as fast as it can; a SignalR subscriber
// of the platform times them from the first to the last. The baseline, measured in the same run on
// the same container, is `docker logs` reading those lines straight from the engine.
var url = new Uri(args.ElementAtOrDefault(0) ?? "http://127.0.0.1:5080");
var total = int.Parse(args.ElementAtOrDefault(1) ?? "200000", CultureInfo.InvariantCulture);
var token = Environment.GetEnvironmentVariable("PLATFORM_TOKEN") ?? throw new InvalidOperationException("Set PLATFORM_TOKEN to an API token of the platform.");
using var http = new HttpClient { BaseAddress = url };
http.DefaultRequestHeaders.Authorization = new("Bearer", token);

var spec = $$"""
    name: log-throughput
    image: platform/hello-ps:1.0
    command: ["sh", "-c", "sleep 2; seq 1 {{total}}"]
    replicas:
      worker: { count: 1, resources: { cpus: 1, memoryMb: 256 } }
    ttlSecondsAfterFinished: 600
    """;
var submitted = await http.PostAsync("api/jobs", new StringContent(spec, Encoding.UTF8, "application/yaml"));
var jobId = (await submitted.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

var received = 0;
var first = new Stopwatch();
var done = new TaskCompletionSource();
await using var hub = new HubConnectionBuilder()
    .WithUrl(new Uri(url, "hubs/jobs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
    .Build();
hub.On<string, List<JsonElement>>("logLines", (_, lines) =>
{
    if (received == 0)
    {
        first.Start();
    }

    if ((received += lines.Count) >= total)
    {
        first.Stop();
        done.TrySetResult();
    }
});
await hub.StartAsync();
await hub.InvokeAsync("SubscribeJob", jobId);
await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
var endToEnd = total / first.Elapsed.TotalSeconds;

var container = "";
while (container.Length == 0)
{
    var job = await http.GetFromJsonAsync<JsonElement>($"api/jobs/{jobId}");
    container = job.GetProperty("tasks")[0].GetProperty("containerId").GetString() ?? "";
}

var raw = Stopwatch.StartNew();
using (var docker = Process.Start(new ProcessStartInfo("docker", ["logs", container]) { RedirectStandardOutput = true })!)
{
    var lines = 0;
    while (await docker.StandardOutput.ReadLineAsync() is not null)
    {
        lines++;
    }

    await docker.WaitForExitAsync();
    raw.Stop();
    if (lines != total)
    {
        throw new InvalidOperationException($"docker logs gave {lines} lines, expected {total}");
    }
}

var baseline = total / raw.Elapsed.TotalSeconds;
Console.WriteLine(FormattableString.Invariant($"lines:                      {total}"));
Console.WriteLine(FormattableString.Invariant($"docker logs (baseline):     {baseline,12:N0} lines/s"));
Console.WriteLine(FormattableString.Invariant($"platform, task -> SignalR:  {endToEnd,12:N0} lines/s"));
Console.WriteLine(FormattableString.Invariant($"ratio to baseline:          {endToEnd / baseline,12:F3}"));
await http.PostAsync($"api/jobs/{jobId}/cancel", null);
