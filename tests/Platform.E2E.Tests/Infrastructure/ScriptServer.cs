using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Platform.E2E.Tests.Infrastructure;

/// <summary>
/// A loopback TCP server that answers each connection, in order, with the next line of a script
/// (e.g. <c>exit 137</c>, then <c>exit 0</c>) and closes it. A connection that finds no line left
/// waits until the test <see cref="Add"/>s one, which makes the server a gate as well: a task
/// blocks until the test lets it go. Tasks run on the host network, so a container reaches it at
/// <c>127.0.0.1</c> with bash's <c>/dev/tcp</c> (see <see cref="ReadAndRun"/>).
/// </summary>
public sealed class ScriptServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Channel<string> _script = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _connections;
    private int _answered;

    public ScriptServer(params string[] lines)
    {
        foreach (var line in lines)
        {
            Add(line);
        }

        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections accepted so far, answered or still waiting for a line.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Connections that got their line.</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>
    /// A bash snippet (no double quotes, so it fits a YAML double-quoted string) that takes the next
    /// line of the script, prints it as <c>script says: LINE</c> and runs it.
    /// </summary>
    public string ReadAndRun =>
        $"exec 3<>/dev/tcp/127.0.0.1/{Port} && read -r line <&3 && exec 3<&- && echo script says: $line && eval $line";

    /// <summary>Appends a line to the script; a connection waiting for one gets it at once.</summary>
    public void Add(string line) => _script.Writer.TryWrite(line);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
            var line = await _script.Reader.ReadAsync(_stop.Token);
            try
            {
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(line + "\n"), _stop.Token);
                Interlocked.Increment(ref _answered);
            }
            catch (IOException)
            {
                // The task went away while it waited (its container was stopped); its line is spent.
            }
        }
    }
}
