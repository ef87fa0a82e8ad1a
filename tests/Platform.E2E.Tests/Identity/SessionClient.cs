using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.E2E.Tests.Identity;

/// <summary>What a browser holds after signing in: the session cookie, no bearer token; the antiforgery header only when asked for.</summary>
public sealed class SessionClient : IDisposable
{
    private readonly HttpClient _http;

    public SessionClient(Uri baseAddress)
    {
        Cookies = new CookieContainer();
        _http = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, UseCookies = true }) { BaseAddress = baseAddress };
        _http.DefaultRequestHeaders.Add("X-Platform-Client", "e2e");
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => _http;

    /// <summary>Signs in with <paramref name="token"/>; the answer, whose Set-Cookie the caller may read.</summary>
    public Task<HttpResponseMessage> SignInAsync(string token) => _http.PostAsJsonAsync("api/session", new { token });

    /// <summary>The antiforgery token of this session, as the web UI reads it.</summary>
    public async Task<string> AntiforgeryAsync()
    {
        var answer = await _http.GetFromJsonAsync<JsonElement>("api/session/antiforgery");
        return answer.GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? antiforgery = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (antiforgery is not null)
        {
            request.Headers.Add("X-XSRF-TOKEN", antiforgery);
        }

        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();
}
