using System.Net;
using System.Net.Http.Headers;
using Platform.Core.Notebooks;

namespace Platform.Grains.Notebooks;

/// <summary>
/// The control plane's two questions to a notebook's Jupyter, with its token: does it answer
/// (<c>api/status</c>), and what are its kernels doing (<c>api/kernels</c>). Failures are answers
/// too (not ready, no kernel seen), so a grain timer never throws for a slow Jupyter.
/// </summary>
public sealed class JupyterClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = Timeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    })
    {
        Timeout = Timeout,
    };

    public async Task<bool> AnswersAsync(JupyterEndpoint endpoint)
    {
        using var response = await SendAsync(endpoint, "api/status");
        return response?.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The kernels, or null when Jupyter did not answer with a list of them.</summary>
    public async Task<IReadOnlyList<KernelActivity>?> KernelsAsync(JupyterEndpoint endpoint)
    {
        using var response = await SendAsync(endpoint, "api/kernels");
        return response?.StatusCode == HttpStatusCode.OK ? JupyterKernels.Parse(await response.Content.ReadAsStringAsync()) : null;
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage?> SendAsync(JupyterEndpoint endpoint, string relative)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Url(relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("token", endpoint.Token);
        try
        {
            return await _http.SendAsync(request);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
