using Microsoft.Net.Http.Headers;

namespace Platform.Gateway.Doors;

/// <summary>
/// Which state-changing API requests a page of another site could have sent, and so are refused. A
/// browser sends a cross-site form or a simple <c>fetch</c> without asking the server first only with
/// no body or a <c>text/plain</c>, form or multipart body, and never with a custom header: a request
/// with one of the API's body types or with <see cref="ClientHeader"/> cannot come from such a page.
/// </summary>
public static class CrossSiteRule
{
    /// <summary>The header the web UI and the CLI send on every request; any value.</summary>
    public const string ClientHeader = "X-Platform-Client";

    /// <summary>The only body types the API takes (job specs: all four; notebooks: JSON).</summary>
    public static readonly IReadOnlyList<string> BodyMediaTypes = ["application/json", "application/yaml", "application/x-yaml", "text/yaml"];

    /// <summary>A refusal, or null when the request may go on.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="contentType">The <c>Content-Type</c> header, parameters allowed; null or empty when none.</param>
    /// <param name="clientHeader">The value of <see cref="ClientHeader"/>; null or empty when none.</param>
    public static Refusal? Check(string method, string? contentType, string? clientHeader)
    {
        if (!ChangesState(method))
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(contentType))
        {
            return IsBodyMediaType(contentType) ? null : new Refusal(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                $"The API takes bodies of type {string.Join(", ", BodyMediaTypes)} only, not '{contentType}'; nothing was changed.");
        }

        return !string.IsNullOrWhiteSpace(clientHeader) ? null : new Refusal(StatusCodes.Status403Forbidden, "Cross-site request refused",
            $"A {method} without a body must carry the header {ClientHeader} (any value; the web UI and the CLI send it) " +
            "or Content-Type: application/json, which a page of another site cannot send; nothing was changed.");
    }

    private static bool ChangesState(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool IsBodyMediaType(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) &&
        BodyMediaTypes.Contains(parsed.MediaType.Value, StringComparer.OrdinalIgnoreCase);
}
