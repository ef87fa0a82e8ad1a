using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Platform.Training.Protocol;

namespace Platform.Training.Server;

/// <summary>
/// Lets through only calls that carry the job's secret in <see cref="JobSecretHeader.Name"/>; every other
/// call is answered <see cref="StatusCode.Unauthenticated"/>. It runs before the gRPC service reads the
/// request, so a stranger's message is never parsed or allocated.
/// </summary>
internal sealed class JobSecretGate(string secret, ServerLog log)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(secret);
    private int _refused;

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Carries(context.Request.Headers[JobSecretHeader.Name]))
        {
            return next(context);
        }

        // One line is enough to show a stranger (or a task with the wrong secret) knocking; more would let it fill the log.
        if (Interlocked.Increment(ref _refused) == 1)
        {
            log.Write($"refused a call to {context.Request.Path} from {context.Connection.RemoteIpAddress} without this job's secret (further refusals are not logged)");
        }

        Refuse(context.Response);
        return Task.CompletedTask;
    }

    private bool Carries(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 1 && values[0] is { } value && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _expected);

    /// <summary>A gRPC "trailers-only" answer: the status travels in the headers and there is no body.</summary>
    private static void Refuse(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = $"the call does not carry this job's secret ({JobSecretHeader.Name}); every task of a job gets it as PLATFORM_JOB_SECRET";
    }
}
