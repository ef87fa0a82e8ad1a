using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// A kernel's WebSocket (<c>api/kernels/{id}/channels</c>) speaking the Jupyter messaging protocol
/// as JSON text frames: each message names its channel, and replies carry the request's msg_id as
/// their parent.
/// </summary>
public sealed class KernelSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly string _session = Guid.NewGuid().ToString("N");

    private KernelSocket()
    {
    }

    /// <param name="headers">Sent with the upgrade request, e.g. <c>Authorization</c> or <c>Origin</c>.</param>
    public static async Task<KernelSocket> ConnectAsync(Uri address, IReadOnlyDictionary<string, string>? headers = null)
    {
        var socket = new KernelSocket();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            socket._socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await socket._socket.ConnectAsync(address, timeout.Token);
        return socket;
    }

    /// <summary>Sends an <c>execute_request</c> and returns its msg_id, without waiting for the code to run.</summary>
    public async Task<string> SendExecuteAsync(string code)
    {
        var id = Guid.NewGuid().ToString("N");
        var message = new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["msg_id"] = id, ["username"] = "e2e", ["session"] = _session, ["msg_type"] = "execute_request",
                ["version"] = "5.3", ["date"] = DateTimeOffset.UtcNow.ToString("O"),
            },
            ["parent_header"] = new JsonObject(),
            ["metadata"] = new JsonObject(),
            ["content"] = new JsonObject
            {
                ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(),
                ["allow_stdin"] = false, ["stop_on_error"] = true,
            },
            ["channel"] = "shell",
            ["buffers"] = new JsonArray(),
        };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        return id;
    }

    /// <summary>Runs <paramref name="code"/> and returns the <c>text/plain</c> of its <c>execute_result</c>.</summary>
    public async Task<string> ExecuteAsync(string code, TimeSpan timeout)
    {
        var id = await SendExecuteAsync(code);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var message = await ReceiveAsync(deadline.Token);
            var type = message.GetProperty("header").GetProperty("msg_type").GetString();
            if (!message.GetProperty("parent_header").TryGetProperty("msg_id", out var parent) || parent.GetString() != id)
            {
                continue;
            }

            if (type == "execute_result")
            {
                return message.GetProperty("content").GetProperty("data").GetProperty("text/plain").GetString()!;
            }

            if (type == "error")
            {
                throw new InvalidOperationException($"The kernel failed running '{code}': {message.GetProperty("content")}");
            }
        }
    }

    private async Task<JsonElement> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException($"The kernel's WebSocket closed: {_socket.CloseStatus} {_socket.CloseStatusDescription}");
            }

            text.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonDocument.Parse(text.ToArray()).RootElement;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
            }
        }

        _socket.Dispose();
    }
}
