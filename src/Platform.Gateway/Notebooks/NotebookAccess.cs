using Microsoft.Extensions.Options;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;
using Platform.Gateway.Doors;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// The one place that decides who may use a notebook: every request of the proxy passes here
/// before it is forwarded, and nothing else reaches a notebook. Today a caller may use a notebook
/// that exists and is Ready, from a page of this gateway or of <c>Platform:AllowedOrigins</c>
/// (<see cref="OriginRule"/>: a request from another site's page is refused, since the proxy
/// authenticates every request it forwards). Per-user access goes here:
/// compare <see cref="UserOf"/> with <see cref="NotebookRoute.User"/>.
/// </summary>
public sealed class NotebookAccess(IOptions<NotebookOptions> options, OriginRule origins)
{
    /// <summary>
    /// Who is calling. The platform has no authentication yet, so every caller is the configured
    /// <c>Platform:Notebooks:DefaultUser</c>.
    /// </summary>
    public string UserOf(HttpContext context) => options.Value.DefaultUser;

    public AccessDecision Decide(HttpContext context, string notebookId, NotebookRoute? route)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (route is null)
        {
            return AccessDecision.Refuse(StatusCodes.Status404NotFound, "No such notebook", $"There is no notebook '{notebookId}'.");
        }

        if (origins.Check(context.Request) is { } refusal)
        {
            return AccessDecision.Refuse(refusal.Status, refusal.Title, refusal.Detail);
        }

        return route.State switch
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
