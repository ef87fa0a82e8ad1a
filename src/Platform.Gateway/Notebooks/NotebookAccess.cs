using Platform.Contracts.Notebooks;
using Platform.Core.Identity;
using Platform.Gateway.Doors;
using Platform.Core.Notebooks;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// The one place that decides who may use a notebook: every request of the proxy, HTTP or
/// WebSocket, passes here before it is forwarded, and nothing else reaches a notebook. Only its
/// owner may (<see cref="AccessPolicy"/>: another user's notebook is not there, an admin may stop
/// it but not use it), from a page of this gateway or of <c>Platform:AllowedOrigins</c>
/// (<see cref="OriginRule"/>: a request from another site's page is refused, since the proxy
/// authenticates every request it forwards). On a notebook's own origin only its own pages may
/// (<see cref="NotebookOriginRule"/>), so one notebook's page cannot drive another.
/// </summary>
public sealed class NotebookAccess(OriginRule origins)
{
    /// <param name="context">The request.</param>
    /// <param name="caller">Who signed in: by token, session or the notebook's cookie; null when nobody did.</param>
    /// <param name="notebookId">The notebook the request is for.</param>
    /// <param name="route">Where it runs and whose it is; null when there is no such notebook.</param>
    /// <param name="origin">The notebook's own origin when the request came to it; null on the gateway's origin.</param>
    public AccessDecision Decide(HttpContext context, Caller? caller, string notebookId, NotebookRoute? route, NotebookOrigin? origin)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (caller is null)
        {
            return AccessDecision.Refuse(StatusCodes.Status401Unauthorized, "Sign-in required", "Sign in to the platform to reach a notebook.");
        }

        var access = route is null ? Access.Hidden : AccessPolicy.Decide(caller, Act.Use, Resource.Notebook(route.User));
        if (access == Access.Hidden)
        {
            return AccessDecision.Refuse(StatusCodes.Status404NotFound, "Not found", $"There is no notebook '{notebookId}'.");
        }

        if (access == Access.Forbidden)
        {
            return AccessDecision.Refuse(StatusCodes.Status403Forbidden, "Forbidden", $"Notebook {notebookId} is {route!.User}'s; only its owner can use it.");
        }

        if (origin is null && origins.Check(context.Request) is { } refusal)
        {
            return AccessDecision.Refuse(refusal.Status, refusal.Title, refusal.Detail);
        }

        if (origin is not null && NotebookOriginRule.Check(context.Request.Method, context.WebSockets.IsWebSocketRequest,
                context.Request.Headers.Origin.ToString(), origin.Own, origin.ByCookie) is { } foreign)
        {
            return AccessDecision.Refuse(StatusCodes.Status403Forbidden, "Cross-origin request refused", foreign);
        }

        return route!.State switch
        {
            NotebookState.Ready when route.Host is not null && route.Port is not null => AccessDecision.Allow,
            NotebookState.Pending or NotebookState.Starting or NotebookState.Ready => AccessDecision.Refuse(
                StatusCodes.Status503ServiceUnavailable, "Notebook not ready",
                $"Notebook {notebookId} is {route.State}{(route.Reason is { } reason ? $": {reason}" : "")}; try again shortly.", retry: true),
            _ => AccessDecision.Refuse(StatusCodes.Status410Gone, "Notebook ended",
                $"Notebook {notebookId} is {route.State}{(route.Reason is { } why ? $": {why}" : "")}."),
        };
    }
}
