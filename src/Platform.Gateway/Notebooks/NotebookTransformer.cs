using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// How a request reaches Jupyter and its answer comes back. Going: the path unchanged (Jupyter serves
/// under <c>/notebooks/{id}/</c>), the browser's Host kept (so Jupyter's own same-origin check and
/// its redirects see the gateway), any credential the client sent dropped (an <c>Authorization</c>
/// header, a <c>token</c> query parameter, Jupyter's login cookie), and the notebook's token added
/// as <c>Authorization: token</c>. Coming back: Jupyter's login cookie dropped (with it a client
/// could skip the proxy), and the token blanked out of HTML pages, where JupyterLab writes it into
/// its page config.
/// </summary>
public sealed class NotebookTransformer(string token) : HttpTransformer
{
    private const string TokenParameter = "token";

    /// <summary>jupyter_server names its login cookie <c>username-{host}</c>.</summary>
    private const string LoginCookiePrefix = "username-";

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(proxyRequest);
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        var request = httpContext.Request;
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(destinationPrefix, request.Path, WithoutToken(request));
        proxyRequest.Headers.Host = request.Host.Value;
        proxyRequest.Headers.Authorization = new AuthenticationHeaderValue("token", token);
        // Pages come back uncompressed, so the token can be blanked out of them.
        proxyRequest.Headers.AcceptEncoding.Clear();
        if (proxyRequest.Headers.TryGetValues("Cookie", out var cookies))
        {
            var kept = cookies.SelectMany(header => header.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .Where(cookie => !cookie.StartsWith(LoginCookiePrefix, StringComparison.Ordinal))
                .ToList();
            proxyRequest.Headers.Remove("Cookie");
            if (kept.Count > 0)
            {
                proxyRequest.Headers.TryAddWithoutValidation("Cookie", string.Join("; ", kept));
            }
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var headers = httpContext.Response.Headers;
        if (headers.SetCookie.Count > 0)
        {
            headers.SetCookie = new StringValues([.. headers.SetCookie.Where(cookie =>
                cookie is not null && !cookie.StartsWith(LoginCookiePrefix, StringComparison.Ordinal))]);
        }

        if (!copy || HttpMethods.IsHead(httpContext.Request.Method) || proxyResponse?.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return copy;
        }

        await WritePageAsync(httpContext, proxyResponse.Content, cancellationToken);
        return false;
    }

    /// <summary>Sends an HTML page with the token blanked out (<c>"token": ""</c>, as JupyterHub's pages have it).</summary>
    private async Task WritePageAsync(HttpContext httpContext, HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentEncoding.Count > 0)
        {
            // Encoded despite the request: the page cannot be read, so it is not sent.
            httpContext.Response.Clear();
            httpContext.Response.StatusCode = StatusCodes.Status502BadGateway;
            return;
        }

        var page = await content.ReadAsStringAsync(cancellationToken);
        var body = Encoding.UTF8.GetBytes(page.Replace(token, "", StringComparison.Ordinal));
        httpContext.Response.ContentLength = body.Length;
        await httpContext.Response.Body.WriteAsync(body, cancellationToken);
    }

    private static QueryString WithoutToken(HttpRequest request) => request.Query.ContainsKey(TokenParameter)
        ? QueryString.Create(request.Query.Where(parameter => !string.Equals(parameter.Key, TokenParameter, StringComparison.Ordinal)))
        : request.QueryString;
}
