using System.Net.Sockets;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Notebooks;

/// <summary>
/// HTTP to any <c>*.localhost</c> name of a platform, as Chromium sends it: .NET does not resolve
/// those names, so every connection goes to the gateway's loopback address while the URL, and so
/// the Host header, keeps the name. No redirect is followed and no cookie is kept: tests see each step.
/// </summary>
public static class NotebookOriginClient
{
    public static HttpClient Create(PlatformProcess platform, string? bearer = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(platform.BaseAddress.Host, platform.BaseAddress.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch (Exception)
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }

    /// <summary><c>http://{host}:{port}</c> of the platform under a <c>localhost</c> name.</summary>
    public static Uri Origin(PlatformProcess platform, string host) => new($"http://{host}:{platform.BaseAddress.Port}");

    /// <summary>The <c>name=value</c> of cookie <paramref name="name"/> a response sets, or null.</summary>
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(cookie => cookie.Split(';')[0]).FirstOrDefault(pair => pair.StartsWith(name + "=", StringComparison.Ordinal))
            : null;
}
