using System.Net;
using System.Text;
using Platform.E2E.Tests.Infrastructure;

namespace Platform.E2E.Tests.Doors;

/// <summary>
/// A web site other than the gateway, serving one HTML page at <see cref="Origin"/>: on loopback
/// under another name and port, so the browser treats it as another site (but sends its requests to
/// the gateway, which it would not from a public address).
/// </summary>
public sealed class AttackerSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _page;

    public AttackerSite(string html)
    {
        _page = Encoding.UTF8.GetBytes(html);
        Origin = $"http://localhost:{TestPorts.Free()}";
        _listener.Prefixes.Add($"{Origin}/");
        _listener.Start();
        _ = ServeAsync();
    }

    public string Origin { get; }

    public void Dispose() => _listener.Close();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength64 = _page.Length;
            await context.Response.OutputStream.WriteAsync(_page);
            context.Response.Close();
        }
    }
}
