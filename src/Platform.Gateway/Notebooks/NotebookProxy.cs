using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Platform.Core.Notebooks;
using Platform.Gateway.Doors;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Notebooks;

/// <summary>
/// Serves every notebook under <c>/notebooks/{id}/</c>, HTTP and WebSockets, by forwarding to its
/// Jupyter with YARP's forwarder: the browser never reaches a node, and the token never reaches the
/// browser. <see cref="NotebookAccess"/> decides each request first; each one forwarded counts as
/// activity of the notebook.
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

    public static IEndpointRouteBuilder MapNotebookProxy(this IEndpointRouteBuilder app)
    {
        app.Map(NotebookPaths.Prefix + "/{id}/{**path}", ForwardAsync).ExcludeFromDescription().WithBodyLimit(BodyLimit.NotebookProxy);
        return app;
    }

    private static async Task ForwardAsync(
        HttpContext context, string id, NotebookRoutes routes, NotebookAccess access, ProxyActivity activity,
        IHttpForwarder forwarder, ILoggerFactory loggers)
    {
        if (!context.Request.Path.StartsWithSegments(NotebookPaths.BaseOf(id).TrimEnd('/'), out var rest) || !rest.HasValue)
        {
            // "/notebooks/{id}" without its slash: Jupyter serves the notebook under "/notebooks/{id}/".
            context.Response.Redirect(NotebookPaths.BaseOf(id));
            return;
        }

        var route = await routes.GetAsync(id);
        var decision = access.Decide(context, id, route);
        if (!decision.Allowed)
        {
            await decision.WriteAsync(context);
            return;
        }

        activity.Seen(id);
        // Jupyter's own answers go back as Jupyter wrote them, empty error bodies included.
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var error = await forwarder.SendAsync(context, $"http://{route!.Host}:{route.Port}", Client, RequestConfig, new NotebookTransformer(route.Token));
        // A WebSocket counts again when it closes: it may have been busy all along.
        activity.Seen(id);
        if (error != ForwarderError.None)
        {
            LogForwardFailed(loggers.CreateLogger(typeof(NotebookProxy)), id, error, context.Features.Get<IForwarderErrorFeature>()?.Exception?.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding a request to notebook {NotebookId} failed: {Error} {Detail}")]
    private static partial void LogForwardFailed(ILogger logger, string notebookId, ForwarderError error, string? detail);
}
