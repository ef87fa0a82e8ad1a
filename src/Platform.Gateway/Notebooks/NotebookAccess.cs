using Platform.Contracts.Notebooks;
using Platform.Core.Identity;
using Platform.Gateway.Doors;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// The one place that decides who may use a notebook: every request of the proxy, HTTP or
/// WebSocket, passes here before it is forwarded, and nothing else reaches a notebook. Only its
/// owner may (<see cref="AccessPolicy"/>: another user's notebook is not there, an admin may stop
/// it but not use it), from a page of this gateway or of <c>Platform:AllowedOrigins</c>
/// (<see cref="OriginRule"/>: a request from another site's page is refused, since the proxy
/// authenticates every request it forwards).
/// </summary>
public sealed class NotebookAccess(OriginRule origins)
{
    public AccessDecision Decide(HttpContext context, string notebookId, NotebookRoute? route)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = PlatformClaims.CallerOf(context.User);
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

        if (origins.Check(context.Request) is { } refusal)
        {
            return AccessDecision.Refuse(refusal.Status, refusal.Title, refusal.Detail);
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
