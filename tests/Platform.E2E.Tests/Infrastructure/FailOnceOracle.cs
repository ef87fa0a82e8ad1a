using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server that answers "fail" to the first connection and "ok" to every later
/// one: the memory a task needs to fail once and succeed on its retry in a fresh container.
/// </summary>
public sealed class FailOnceOracle : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public FailOnceOracle()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        var answered = 0;
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var answer = answered++ == 0 ? "fail\n" : "ok\n";
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token);
        }
    }
}
