using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notebooks;
using Platform.Core.Notebooks;
using Platform.Gateway.Doors;
using Platform.Gateway.Identity;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Serves every notebook under <c>/notebooks/{id}/</c>, HTTP and WebSockets, by forwarding to its
/// Jupyter with YARP's forwarder: the browser never reaches a node, and the token never reaches the
/// browser. <see cref="NotebookAccess"/> decides each request first; each one forwarded counts as
/// activity of the notebook. With <see cref="NotebookOptions.OriginDomain"/> set, a notebook is served
/// only on its own host (<see cref="NotebookSignIn"/> lets its owner in there), and the gateway's own
/// origin only sends the browser on.
/// </summary>
public static partial class NotebookProxy
{
    /// <summary>WebSockets to kernels stay open and quiet for long stretches; a request is dropped only after this long with no data.</summary>
    private static readonly ForwarderRequestConfig RequestConfig = new() { ActivityTimeout = TimeSpan.FromMinutes(30) };

    /// <summary>One client for every notebook: no proxy, no redirects followed, no cookies kept, no tracing headers added.</summary>
    private static readonly HttpMessageInvoker Client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ActivityHeadersPropagator = null,
        ConnectTimeout = TimeSpan.FromSeconds(15),
    });

    /// <summary>
    /// The proxy's endpoint. It lets anonymous requests reach it because a notebook's own origin
    /// signs callers in with its own cookie; <see cref="NotebookAccess"/> refuses anyone else.
    /// </summary>
    public static IEndpointRouteBuilder MapNotebookProxy(this IEndpointRouteBuilder app)
    {
        app.Map(NotebookPaths.Prefix + "/{id}/{**path}", ServeAsync).ExcludeFromDescription().WithBodyLimit(BodyLimit.NotebookProxy).AllowAnonymous();
        return app;
    }

    private static async Task ServeAsync(HttpContext context, string id, NotebookRoutes routes, IOptions<NotebookOptions> options)
    {
        if (!context.Request.Path.StartsWithSegments(NotebookPaths.BaseOf(id).TrimEnd('/'), out var rest) || !rest.HasValue)
        {
            // "/notebooks/{id}" without its slash: Jupyter serves the notebook under "/notebooks/{id}/".
            context.Response.Redirect(NotebookPaths.BaseOf(id));
            return;
        }

        var domain = options.Value.OriginDomain;
        if (string.IsNullOrEmpty(domain))
        {
            await ForwardAsync(context, id, await routes.GetAsync(id), PlatformClaims.CallerOf(context.User), origin: null);
        }
        else if (NotebookOrigins.IdOf(context.Request.Host.Host, domain) is not null)
        {
            await NotebookSignIn.ForwardOnOwnOriginAsync(context, id, domain, await routes.GetAsync(id));
        }
        else if (rest == "/authorize")
        {
            await NotebookSignIn.AuthorizeAsync(context, id, domain, await routes.GetAsync(id));
        }
        else
        {
            await NotebookSignIn.SendToOwnOriginAsync(context, id, domain);
        }
    }

    /// <summary>Forwards the request to the notebook's Jupyter once <see cref="NotebookAccess"/> allows it.</summary>
    /// <param name="origin">The notebook's own origin and whether its cookie signed the caller in; null on the gateway's origin.</param>
    internal static async Task ForwardAsync(HttpContext context, string id, NotebookRoute? route, Core.Identity.Caller? caller, NotebookOrigin? origin)
    {
        var services = context.RequestServices;
        var decision = services.GetRequiredService<NotebookAccess>().Decide(context, caller, id, route, origin);
        if (!decision.Allowed)
        {
            await decision.WriteAsync(context);
            return;
        }

        var activity = services.GetRequiredService<ProxyActivity>();
        activity.Seen(id);
        // Jupyter's own answers go back as Jupyter wrote them, empty error bodies included.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var forwarder = services.GetRequiredService<IHttpForwarder>();
        var error = await forwarder.SendAsync(context, $"http://{route!.Host}:{route.Port}", Client, RequestConfig, new NotebookTransformer(route.Token));
        // A WebSocket counts again when it closes: it may have been busy all along.
        activity.Seen(id);
        if (error != ForwarderError.None)
        {
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(NotebookProxy));
            LogForwardFailed(logger, id, error, context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding a request to notebook {NotebookId} failed: {Error} {Detail}")]
    private static partial void LogForwardFailed(ILogger logger, string notebookId, ForwarderError error, string? detail);
}
