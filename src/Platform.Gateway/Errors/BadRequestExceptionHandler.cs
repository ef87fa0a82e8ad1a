using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Errors;

/// <summary>
/// Answers a request Kestrel or parameter binding could not read (a body over Kestrel's limit, a
/// <c>limit=abc</c>) with its own status and message, naming the parameter in <c>errors</c> when
/// binding failed. These are the caller's mistakes, not the gateway's: they are not logged as errors.
/// </summary>
public sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var parameter = ParameterPattern().Match(bad.Message);
        ProblemDetails problem = parameter.Success
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [bad.Message] })
            : new ProblemDetails();
        problem.Status = bad.StatusCode;
        problem.Detail = bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = bad });
    }

    /// <summary>Minimal APIs' binding messages: <c>Failed to bind parameter "int limit" from "abc".</c></summary>
    [GeneratedRegex(@"parameter ""[^""]*?(?<name>\w+)""", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterPattern();
}
