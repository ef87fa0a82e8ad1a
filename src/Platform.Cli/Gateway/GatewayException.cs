using System.Net;

namespace Platform.Cli.Gateway;

/// <summary>The gateway answered something the command cannot go on from; the message says what.</summary>
public sealed class GatewayException(string message, HttpStatusCode? status = null, Problem? problem = null, Exception? inner = null)
    : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public Problem? Problem { get; } = problem;
}
