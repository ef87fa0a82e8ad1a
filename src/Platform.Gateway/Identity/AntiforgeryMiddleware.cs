using Platform.Core.Notebooks;
using Microsoft.AspNetCore.Antiforgery;

namespace Platform.Gateway.Identity;

/// <summary>
/// A cookie goes with every request the browser makes, whoever's page made it; so a request that
/// changes something on the strength of the session cookie must also carry the antiforgery token
/// the web UI read from <c>GET /api/session/antiforgery</c> (header <see cref="Header"/>). Bearer
/// tokens are never sent by the browser on its own and need none. The notebook proxy is left to
/// Jupyter's pages, which cannot know this token, and the hub to SignalR's negotiate POST, which
/// changes nothing: both refuse requests from other origins (<c>OriginRule</c>).
/// </summary>
public sealed class AntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string Header = "X-XSRF-TOKEN";
    public const string CookieName = "platform.af";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, AuthenticationType: IdentitySchemes.Cookie }
            && !context.Request.Path.StartsWithSegments(NotebookPaths.Prefix)
            && !context.Request.Path.StartsWithSegments(IdentitySchemes.HubPath)
            && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method)
            && !await antiforgery.IsRequestValidAsync(context))
        {
            await TypedResults.Problem(
                $"A request made with the web UI's session must carry the {Header} header from GET /api/session/antiforgery; nothing was changed.",
                statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid").ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
