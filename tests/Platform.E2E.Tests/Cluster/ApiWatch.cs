using System.Diagnostics;

namespace Platform.E2E.Tests.Cluster;

/// <summary>
/// Asks both gateways for a page of jobs every <see cref="Period"/> while the chaos runs and keeps
/// the longest stretch in which neither answered 200: the window the API was down for a user who
/// can reach either gateway (as behind a load balancer).
/// </summary>
public sealed class ApiWatch : IAsyncDisposable
{
    public static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public ApiWatch(IReadOnlyList<HttpClient> gateways) => _loop = WatchAsync(gateways);

    public TimeSpan LongestOutage { get; private set; }

    public int Probes { get; private set; }

    public int Unanswered { get; private set; }

    private async Task WatchAsync(IReadOnlyList<HttpClient> gateways)
    {
        TimeSpan? downSince = null;
        while (!_stop.IsCancellationRequested)
        {
            var answered = await Task.WhenAll(gateways.Select(AnswersAsync));
            Probes++;
            if (answered.Any(ok => ok))
            {
                downSince = null;
            }
            else
            {
                Unanswered++;
                downSince ??= _clock.Elapsed;
                var outage = _clock.Elapsed - downSince.Value;
                LongestOutage = outage > LongestOutage ? outage : LongestOutage;
            }

            try
            {
                await Task.Delay(Period, _stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task<bool> AnswersAsync(HttpClient gateway)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var response = await gateway.GetAsync("api/jobs?limit=1", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
