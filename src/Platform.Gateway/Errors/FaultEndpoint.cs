namespace Platform.Gateway.Errors;

/// <summary>
/// A test hook: with <c>Platform:Testing:FaultEndpoint</c> set to true (never by default), <c>GET
/// /api/testing/fault</c> throws, so tests can see what every unexpected failure answers (a 500
/// problem+json without the exception's message or stack) and that it is logged.
/// </summary>
public static class FaultEndpoint
{
    public const string Setting = "Platform:Testing:FaultEndpoint";

    public const string Path = "/api/testing/fault";

    /// <summary>The message of the exception thrown; it must appear in the log and never in an answer.</summary>
    public const string Message = "Fault injected by Platform:Testing:FaultEndpoint";

    public static IEndpointRouteBuilder MapFaultEndpoint(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (configuration.GetValue(Setting, false))
        {
            app.MapGet(Path, string () => throw new InvalidOperationException(Message)).ExcludeFromDescription();
        }

        return app;
    }
}
