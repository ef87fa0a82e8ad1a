using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Errors;

/// <summary>
/// Any other exception is the gateway's failure: logged as an error with the request and the trace
/// id the answer carries, and answered 500 problem+json that says no more than that (no exception
/// message, no stack: they can name files, hosts and internals).
/// </summary>
public sealed partial class UnexpectedExceptionHandler(IProblemDetailsService problems, ILogger<UnexpectedExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        LogFailed(logger, exception, httpContext.Request.Method, httpContext.Request.Path, TraceIdOf(httpContext));
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status500InternalServerError },
        });
    }

    /// <summary>The id problem details carry as <c>traceId</c>.</summary>
    public static string TraceIdOf(HttpContext httpContext) => Activity.Current?.Id ?? httpContext.TraceIdentifier;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed; answered 500 with trace id {TraceId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string method, string path, string traceId);
}
