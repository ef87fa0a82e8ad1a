namespace Platform.Core.Notebooks;

/// <summary>
/// Which requests on a notebook's own origin come from a page that is not the notebook's. A
/// browser sends the notebook's cookie with every request to its host, whoever's page makes it, and
/// names that page in <c>Origin</c> on every WebSocket and on every request other than GET and HEAD;
/// so those requests, when the cookie is what signs them in, must name the notebook's own origin.
/// A bearer token is never sent by a browser on its own: such a request may name no page, but not
/// another one.
/// </summary>
public static class NotebookOriginRule
{
    /// <summary>Why the request is refused, or null when it may go on.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="webSocket">Whether the request asks for a WebSocket.</param>
    /// <param name="origin">The <c>Origin</c> header; null or empty when none.</param>
    /// <param name="own">The notebook's origin, <c>scheme://host[:port]</c>.</param>
    /// <param name="byCookie">Whether the notebook's cookie, not a bearer token, signed the request in.</param>
    public static string? Check(string method, bool webSocket, string? origin, string own, bool byCookie)
    {
        if (!string.IsNullOrEmpty(origin))
        {
            return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
                ? null
                : $"A page of {origin} may not use this notebook: only its own pages ({own}) may; nothing was changed.";
        }

        var changes = webSocket || !(method is "GET" or "HEAD" or "OPTIONS");
        return byCookie && changes
            ? $"A {(webSocket ? "WebSocket" : method)} on this notebook must name its page in Origin ({own}); nothing was changed."
            : null;
    }
}
