namespace Platform.Gateway.Doors;

/// <summary>
/// The gateway's doors, before anything else reads a request: the Host must be one the gateway
/// answers to (<see cref="HostRule"/>); the API, the hub and the notebook proxy refuse pages of other
/// sites (<see cref="OriginRule"/>); the API refuses state-changing requests such a page could send
/// (<see cref="CrossSiteRule"/>). Each refusal is problem+json and is logged. Authentication, when it
/// comes, runs after these: none of them depends on who is calling.
/// </summary>
public sealed partial class DoorsMiddleware(RequestDelegate next, HostRule hosts, OriginRule origins, ILogger<DoorsMiddleware> logger)
{
    /// <summary>The paths whose requests a page of another site must not make: the API, the hub, the notebook proxy.</summary>
    public static readonly IReadOnlyList<PathString> GuardedPaths = ["/api", "/hubs", "/notebooks"];

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var refusal = hosts.Check(request.Host);
        if (refusal is null && GuardedPaths.Any(path => request.Path.StartsWithSegments(path)))
        {
            refusal = origins.Check(request);
        }

        if (refusal is null && request.Path.StartsWithSegments("/api"))
        {
            refusal = CrossSiteRule.Check(request.Method, request.ContentType, request.Headers[CrossSiteRule.ClientHeader]);
        }

        if (refusal is null)
        {
            await next(context);
            return;
        }

        LogRefused(logger, request.Method, request.Path, refusal.Status, refusal.Title, request.Host.Value, request.Headers.Origin.ToString());
        await refusal.WriteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with {Status} ({Title}); Host {Host}, Origin {Origin}")]
    private static partial void LogRefused(ILogger logger, string method, string path, int status, string title, string? host, string origin);
}
