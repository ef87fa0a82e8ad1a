namespace Platform.Gateway.Notebooks;

/// <summary>What <see cref="NotebookAccess"/> decided about one proxied request.</summary>
public sealed record AccessDecision(bool Allowed, int Status, string? Title, string? Detail, bool Retry)
{
    public static readonly AccessDecision Allow = new(true, StatusCodes.Status200OK, null, null, false);

    public static AccessDecision Refuse(int status, string title, string detail, bool retry = false) =>
        new(false, status, title, detail, retry);

    /// <summary>Writes the refusal as problem details, with <c>Retry-After</c> when waiting helps.</summary>
    public Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Retry)
        {
            context.Response.Headers.RetryAfter = "2";
        }

        if (Status == StatusCodes.Status401Unauthorized)
        {
            // As every other door's 401: say how to authenticate.
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"platform\"";
        }

        return TypedResults.Problem(Detail, statusCode: Status, title: Title).ExecuteAsync(context);
    }
}
