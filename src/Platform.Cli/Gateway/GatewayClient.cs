using System.Net.Http.Headers;

namespace Platform.Cli.Gateway;

/// <summary>The gateway's REST API over HTTP: sends a request and reads the whole answer.</summary>
public sealed class GatewayClient : IDisposable
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The gateway refuses a body-less POST or DELETE without this header (docs/api.md, "Errors and cross-site requests").</summary>
    private const string ClientHeader = "X-Platform-Client";

    private readonly HttpClient _http;

    public GatewayClient(Uri baseAddress, string? token)
    {
        BaseAddress = baseAddress;
        Token = token;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Add(ClientHeader, "cli");
        if (token is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    public Uri BaseAddress { get; }

    public string? Token { get; }

    /// <param name="path">Relative to the gateway, without a leading '/': <c>api/jobs</c>.</param>
    public async Task<ApiAnswer> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new ApiAnswer(response.StatusCode, body, response.Content.Headers.ContentType?.MediaType,
                LinkHeader.Next(response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null));
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GatewayException(
                $"The platform at {BaseAddress} did not answer {method} /{path} within {RequestTimeout.TotalSeconds:F0} s.", inner: exception);
        }
    }

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, null, cancellationToken);

    /// <summary>GETs <paramref name="path"/> and reads it as <typeparamref name="T"/>; any other answer than 2xx throws.</summary>
    public async Task<T> GetAsync<T>(string path, string what, CancellationToken cancellationToken)
    {
        var answer = await GetAsync(path, cancellationToken);
        return answer.IsSuccess ? answer.Read<T>() : throw answer.Unexpected(what);
    }

    public GatewayException Unreachable(Exception exception) => new(
        $"Cannot reach the platform at {BaseAddress}: {exception.Message} " +
        $"Is it running (./run.sh starts one)? Set --url or ${GatewaySettings.UrlVariable} to its address.", inner: exception);

    public void Dispose() => _http.Dispose();
}
