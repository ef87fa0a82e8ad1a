using Microsoft.Extensions.Options;
using Platform.Core.Telemetry;
using Platform.Gateway.Identity;

namespace Platform.Gateway.Telemetry;

/// <summary>
/// The door of <c>/metrics/prometheus</c> (the branch the exporter answers in): an admin, or the
/// scrape token (<see cref="ScrapeAccess"/>); else 401 or 403 problem+json. An allowed scrape
/// refreshes the state gauges' read first, so what it gets is at most
/// <see cref="MetricsOptions.SnapshotMaxAge"/> old.
/// </summary>
public sealed class ScrapeAccessMiddleware(RequestDelegate next, IOptions<MetricsOptions> options, ClusterSnapshotSource snapshots)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = PlatformClaims.CallerOf(context.User);
        var token = caller is null ? ScrapeTokenFile.Read(options.Value.ScrapeTokenPath) : null;
        switch (ScrapeAccess.Decide(caller?.Role, context.Request.Headers.Authorization, token))
        {
            case ScrapeDecision.Allowed:
                await snapshots.RefreshAsync(context.RequestAborted);
                await next(context);
                return;
            case ScrapeDecision.Forbidden:
                await TypedResults.Problem($"{caller!.User} ({caller.Role.ToString().ToLowerInvariant()}) may not read the platform's metrics: admins and the scrape token (Platform:Metrics:ScrapeTokenPath) may.",
                    statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(context);
                return;
            default:
                context.Response.Headers.WWWAuthenticate = "Bearer realm=\"platform\"";
                await TypedResults.Problem("Send Authorization: Bearer with an admin's API token or the scrape token (Platform:Metrics:ScrapeTokenPath).",
                    statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(context);
                return;
        }
    }
}
