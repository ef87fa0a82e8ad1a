using Microsoft.AspNetCore.WebUtilities;

namespace Platform.Gateway.Errors;

/// <summary>
/// Completes every problem+json the gateway writes, whoever wrote it (a handler, a door, the status
/// code pages, the exception handler): a <c>type</c>, a <c>title</c> and a <c>detail</c> a person can
/// act on. A 500's detail says only that the error is logged under its trace id.
/// </summary>
public static class ProblemShape
{
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var request = context.HttpContext.Request;
        var status = problem.Status ??= context.HttpContext.Response.StatusCode;
        problem.Type ??= status == StatusCodes.Status429TooManyRequests ? "https://tools.ietf.org/html/rfc6585#section-4" : "about:blank";
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Detail ??= status switch
        {
            StatusCodes.Status400BadRequest when problem is HttpValidationProblemDetails { Errors.Count: > 0 } =>
                "Each entry of errors names a field and what is wrong with it.",
            StatusCodes.Status400BadRequest => $"{request.Method} {request.Path} could not be read.",
            StatusCodes.Status401Unauthorized => "Send Authorization: Bearer TOKEN (an API token of this platform or a JWT of its identity provider), or sign in to the web UI; the token was missing, unknown, revoked or expired.",
            StatusCodes.Status404NotFound => $"There is nothing at {request.Path}.",
            StatusCodes.Status405MethodNotAllowed => $"{request.Method} is not allowed on {request.Path}" +
                (context.HttpContext.Response.Headers.Allow is { Count: > 0 } allow ? $"; allowed: {allow}." : "."),
            StatusCodes.Status415UnsupportedMediaType => $"{request.Method} {request.Path} does not take a body of type '{request.ContentType}'.",
            >= 500 => $"The gateway failed to answer {request.Method} {request.Path}; the error is logged under trace id {UnexpectedExceptionHandler.TraceIdOf(context.HttpContext)}.",
            _ => problem.Title,
        };
    }
}
