using Microsoft.Extensions.Options;

namespace Platform.Gateway.Doors;

/// <summary>
/// A browser names the page a request comes from in <c>Origin</c> (on WebSockets, on every cross-site
/// request, on same-site POSTs). When it does, the page must be the gateway's own
/// (<c>scheme://host:port</c> of the request) or one of <c>Platform:AllowedOrigins</c>; a request
/// without one (the CLI, curl) is not a page's and passes.
/// </summary>
public sealed class OriginRule(IOptions<DoorOptions> options)
{
    /// <summary>A refusal, or null when the request may go on.</summary>
    public Refusal? Check(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0 || Parse(origin) is { } page && (IsOwn(page, request) || IsAllowed(page)))
        {
            return null;
        }

        return new Refusal(StatusCodes.Status403Forbidden, "Cross-origin request refused",
            $"A page of {origin} may not use {request.Path}: only pages of this gateway ({request.Scheme}://{request.Host}) " +
            "and of Platform:AllowedOrigins may; nothing was changed.");
    }

    /// <summary>The origin as a URI, or null when it is not one (<c>null</c>, a path, another scheme).</summary>
    public static Uri? Parse(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" &&
        uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri
            : null;

    private static bool IsOwn(Uri page, HttpRequest request) =>
        Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var own) && SameOrigin(page, own);

    private bool IsAllowed(Uri page) => options.Value.AllowedOrigins.Any(allowed => Parse(allowed) is { } uri && SameOrigin(page, uri));

    private static bool SameOrigin(Uri a, Uri b) =>
        a.Scheme == b.Scheme && a.Port == b.Port && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase);
}
