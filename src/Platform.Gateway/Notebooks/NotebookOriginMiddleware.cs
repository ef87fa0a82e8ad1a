using Microsoft.Extensions.Options;
using Platform.Core.Notebooks;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Keeps a notebook's own host (<c>{id}.{OriginDomain}</c>) to that notebook: its sign-in
/// (<see cref="NotebookOrigins.SignInPath"/>), <c>/</c> sent on to <c>/notebooks/{id}/</c>, and the
/// proxy under that path. Nothing else of the gateway — the API, the hub, the web UI, another
/// notebook — answers there. Runs before static files and routing.
/// </summary>
public sealed class NotebookOriginMiddleware(RequestDelegate next, IOptions<NotebookOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (NotebookOrigins.IdOf(request.Host.Host, options.Value.OriginDomain) is not { } id)
        {
            await next(context);
            return;
        }

        if (request.Path == NotebookOrigins.SignInPath)
        {
            await NotebookSignIn.TakeTicketAsync(context, id);
        }
        else if (request.Path == "/")
        {
            context.Response.Redirect(NotebookPaths.BaseOf(id));
        }
        else if (request.Path.StartsWithSegments(NotebookPaths.BaseOf(id).TrimEnd('/')))
        {
            await next(context);
        }
        else
        {
            await TypedResults.Problem($"Only notebook {id} is served on this host, under {NotebookPaths.BaseOf(id)}.",
                statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(context);
        }
    }
}
